using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Regions;
using EcsConsole.Web.Components.Shared;
using MudBlazor;

namespace EcsConsole.Web.Components.Pages.Images;

/// <summary>The image list's dialog launchers: each opens its dialog, reports the outcome and reloads.</summary>
public partial class ImagesPage
{
    private async Task ShareAsync(ImageListItem image)
    {
        var dialog = await Dialogs.ShowAsync<ShareImageDialog>("Share Image",
            new DialogParameters<ShareImageDialog>
            {
                { d => d.Actor, Actor! }, { d => d.RegionId, image.RegionId }, { d => d.ImageId, image.Id }, { d => d.ImageName, image.Name },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await dialog.Result;
        await LoadAsync();
    }

    private async Task CopyAsync(ImageListItem image)
    {
        var dialog = await Dialogs.ShowAsync<CopyImageDialog>("Copy Image",
            new DialogParameters<CopyImageDialog> { { d => d.Actor, Actor! }, { d => d.Image, image } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: (EcsConsole.Domain.Copies.CopiedImage copied, string destination) })
        {
            Snackbar.Add($"Copying to {destination} as {copied.ImageId}; switch to that region to follow its progress", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ImportImageAsync()
    {
        var dialog = await Dialogs.ShowAsync<ImportImageDialog>("Import Image",
            new DialogParameters<ImportImageDialog> { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: EcsConsole.Domain.Storage.ImportedImage imported })
        {
            Snackbar.Add($"Importing image {imported.ImageId}", Severity.Success);
            if (_state.Tab != ImageTab.Custom)
            {
                Go(new ImageListUrl { Tab = ImageTab.Custom });
            }
            else
            {
                await LoadAsync();
            }
        }
    }

    private async Task UpdateImageAsync(ImageListItem image)
    {
        var dialog = await Dialogs.ShowAsync<EcsConsole.Web.Components.Pages.ImageBuilder.UpdateImageDialog>("Update Image",
            new DialogParameters<EcsConsole.Web.Components.Pages.ImageBuilder.UpdateImageDialog>
            {
                { d => d.Actor, Actor! }, { d => d.RegionId, image.RegionId }, { d => d.ImageId, image.Id }, { d => d.ImageName, image.Name },
                { d => d.Windows, image.OsType == OsType.Windows },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string executionId })
        {
            Snackbar.Add($"Update run {executionId} started", Severity.Success);
            Navigation.NavigateTo($"image-builder/updates?region={Uri.EscapeDataString(image.RegionId)}&execution={Uri.EscapeDataString(executionId)}");
        }
    }

    private async Task ExportAsync(ImageListItem image)
    {
        var dialog = await Dialogs.ShowAsync<ExportImageDialog>("Export Image",
            new DialogParameters<ExportImageDialog> { { d => d.Actor, Actor! }, { d => d.Image, image } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: EcsConsole.Domain.Storage.ExportedImage exported })
        {
            Snackbar.Add($"Exporting {image.Id}: follow the task {exported.TaskId} on the Tasks page", Severity.Success);
        }
    }

    private async Task CancelCopyAsync(ImageListItem image)
    {
        await ShowOutcomeAsync((await Copies.CancelCopyAsync(Actor!, image.RegionId, image.Id)).Error, $"Copy {image.Id} cancelled");
    }

    /// <summary>After a row action: its refusal in the page's error alert, or a success message; then the list re-read.</summary>
    private async Task ShowOutcomeAsync(EcsError? error, string done)
    {
        _error = error;
        if (error is null)
        {
            Snackbar.Add(done, Severity.Success);
        }

        await LoadAsync();
    }

    private async Task EditAsync(ImageListItem image)
    {
        var dialog = await Dialogs.ShowAsync<EditImageDialog>("Edit Image",
            new DialogParameters<EditImageDialog> { { d => d.Actor, Actor! }, { d => d.Image, image } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Image {image.Id} updated", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeprecateAsync(ImageListItem image)
    {
        var last = await Lifecycle.IsLastAvailableOfFamilyAsync(Actor!, image.RegionId, image.Id);
        var message = $"Deprecate {image.Name} ({image.Id})? It leaves the default lists; instances can still be created from it by ID."
            + (last ? $" It is the last Available image of family {image.Family}: the family will resolve to no image." : "");
        if (await Dialogs.ShowMessageBoxAsync("Deprecate Image", message, yesText: "OK", cancelText: "Cancel") != true)
        {
            return;
        }

        await ShowOutcomeAsync((await Lifecycle.DeprecateAsync(Actor!, image.RegionId, image.Id)).Error, $"Image {image.Id} deprecated");
    }

    private async Task RestoreAsync(ImageListItem image)
    {
        await ShowOutcomeAsync((await Lifecycle.RestoreAsync(Actor!, image.RegionId, image.Id)).Error, $"Image {image.Id} restored");
    }

    private async Task DeleteAsync(IReadOnlyList<string> imageIds)
    {
        var dialog = await Dialogs.ShowAsync<DeleteImageDialog>("Delete Image",
            new DialogParameters<DeleteImageDialog> { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id }, { d => d.ImageIds, imageIds } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: DeletedImages deleted })
        {
            Snackbar.Add($"Deleted {string.Join(", ", deleted.ImageIds)}", Severity.Success);
            _selected.Clear();
            await LoadAsync();
        }
    }

    private async Task CreateImageAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateImageDialog>("Create Custom Image",
            new DialogParameters<CreateImageDialog> { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: CreatedImage created })
        {
            Snackbar.Add($"Creating image {created.ImageId}", Severity.Success);
            if (_state.Tab != ImageTab.Custom)
            {
                Go(new ImageListUrl { Tab = ImageTab.Custom });
            }
            else
            {
                await LoadAsync();
            }
        }
    }
}
