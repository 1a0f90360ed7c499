using EcsConsole.Domain.Common;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Regions;
using EcsConsole.Web.Api.Calls;
using EcsConsole.Web.Components.Shared;
using MudBlazor;

namespace EcsConsole.Web.Components.Pages.Images;

/// <summary>The image list's dialog launchers: each opens its dialog, reports the outcome and reloads.</summary>
public partial class ImagesPage
{
    private async Task ShareAsync(ImageListItem image)
    {
        await ShowDialogAsync<ShareImageDialog>("Share Image", new()
        {
            { d => d.Actor, Actor! }, { d => d.RegionId, image.RegionId }, { d => d.ImageId, image.Id }, { d => d.ImageName, image.Name },
        });
        await LoadAsync();
    }

    private async Task CopyAsync(ImageListItem image)
    {
        if (await ShowDialogAsync<CopyImageDialog>("Copy Image", new() { { d => d.Actor, Actor! }, { d => d.Image, image } })
            is { Data: (EcsConsole.Domain.Copies.CopiedImage copied, string destination) })
        {
            await ShowDoneAsync($"Copying to {destination} as {copied.ImageId}; switch to that region to follow its progress");
        }
    }

    private async Task ImportImageAsync()
    {
        if (await ShowDialogAsync<ImportImageDialog>("Import Image", new() { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id } }, ConsoleDialogs.Medium)
            is { Data: EcsConsole.Domain.Storage.ImportedImage imported })
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
        if (await ShowDialogAsync<EcsConsole.Web.Components.Pages.ImageBuilder.UpdateImageDialog>("Update Image", new()
            {
                { d => d.Actor, Actor! }, { d => d.RegionId, image.RegionId }, { d => d.ImageId, image.Id }, { d => d.ImageName, image.Name },
                { d => d.Windows, image.OsType == OsType.Windows },
            }) is { Data: string executionId })
        {
            Snackbar.Add($"Update run {executionId} started", Severity.Success);
            Navigation.NavigateTo($"image-builder/updates?region={Uri.EscapeDataString(image.RegionId)}&execution={Uri.EscapeDataString(executionId)}");
        }
    }

    private async Task ExportAsync(ImageListItem image)
    {
        if (await ShowDialogAsync<ExportImageDialog>("Export Image", new() { { d => d.Actor, Actor! }, { d => d.Image, image } })
            is { Data: EcsConsole.Domain.Storage.ExportedImage exported })
        {
            Snackbar.Add($"Exporting {image.Id}: follow the task {exported.TaskId} on the Tasks page", Severity.Success);
        }
    }

    private async Task CancelCopyAsync(ImageListItem image)
    {
        await ShowOutcomeAsync((await Copies.CancelCopyAsync(Actor!, image.RegionId, image.Id)).Error, $"Copy {image.Id} cancelled",
            EcsCalls.CancelCopyImage(image.RegionId, image.Id));
    }

    private async Task EditAsync(ImageListItem image)
    {
        if (await ShowDialogAsync<EditImageDialog>("Edit Image", new() { { d => d.Actor, Actor! }, { d => d.Image, image } }) is not null)
        {
            await ShowDoneAsync($"Image {image.Id} updated");
        }
    }

    private async Task DeprecateAsync(ImageListItem image)
    {
        var last = await Lifecycle.IsLastAvailableOfFamilyAsync(Actor!, image.RegionId, image.Id);
        var message = $"Deprecate {image.Name} ({image.Id})? It leaves the default lists; instances can still be created from it by ID."
            + (last ? $" It is the last Available image of family {image.Family}: the family will resolve to no image." : "");
        if (!await ConfirmAsync("Deprecate Image", message, EcsCalls.ModifyImageAttribute(image.RegionId, image.Id, new ModifyImageRequest(), ImageStatus.Deprecated)))
        {
            return;
        }

        await ShowOutcomeAsync((await Lifecycle.DeprecateAsync(Actor!, image.RegionId, image.Id)).Error, $"Image {image.Id} deprecated");
    }

    private async Task RestoreAsync(ImageListItem image)
    {
        await ShowOutcomeAsync((await Lifecycle.RestoreAsync(Actor!, image.RegionId, image.Id)).Error, $"Image {image.Id} restored",
            EcsCalls.ModifyImageAttribute(image.RegionId, image.Id, new ModifyImageRequest(), ImageStatus.Available));
    }

    private async Task DeleteAsync(IReadOnlyList<string> imageIds)
    {
        if (await ShowDialogAsync<DeleteImageDialog>("Delete Image",
                new() { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id }, { d => d.ImageIds, imageIds } }) is { Data: DeletedImages deleted })
        {
            _selected.Clear();
            await ShowDoneAsync($"Deleted {string.Join(", ", deleted.ImageIds)}");
        }
    }

    private async Task CreateImageAsync()
    {
        if (await ShowDialogAsync<CreateImageDialog>("Create Custom Image", new() { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id } })
            is { Data: CreatedImage created })
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
