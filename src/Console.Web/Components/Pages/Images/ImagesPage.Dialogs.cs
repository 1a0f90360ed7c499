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
        await ShowDialogAsync<ShareImageDialog>(L["Share Image"], new()
        {
            { d => d.Actor, Actor! }, { d => d.RegionId, image.RegionId }, { d => d.ImageId, image.Id }, { d => d.ImageName, image.Name },
        });
        await LoadAsync();
    }

    private async Task CopyAsync(ImageListItem image)
    {
        if (await ShowDialogAsync<CopyImageDialog>(L["Copy Image"], new() { { d => d.Actor, Actor! }, { d => d.Image, image } })
            is { Data: (EcsConsole.Domain.Copies.CopiedImage copied, string destination) })
        {
            await ShowDoneAsync(L["Copying to {0} as {1}; switch to that region to follow its progress", destination, copied.ImageId]);
        }
    }

    private async Task ImportImageAsync()
    {
        if (await ShowDialogAsync<ImportImageDialog>(L["Import Image"], new() { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id } }, ConsoleDialogs.Medium)
            is { Data: EcsConsole.Domain.Storage.ImportedImage imported })
        {
            Snackbar.Add(L["Importing image {0}", imported.ImageId], Severity.Success);
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
        if (await ShowDialogAsync<EcsConsole.Web.Components.Pages.ImageBuilder.UpdateImageDialog>(L["Update Image"], new()
            {
                { d => d.Actor, Actor! }, { d => d.RegionId, image.RegionId }, { d => d.ImageId, image.Id }, { d => d.ImageName, image.Name },
                { d => d.Windows, image.OsType == OsType.Windows },
            }) is { Data: string executionId })
        {
            Snackbar.Add(L["Update run {0} started", executionId], Severity.Success);
            Navigation.NavigateTo($"image-builder/updates?region={Uri.EscapeDataString(image.RegionId)}&execution={Uri.EscapeDataString(executionId)}");
        }
    }

    private async Task ExportAsync(ImageListItem image)
    {
        if (await ShowDialogAsync<ExportImageDialog>(L["Export Image"], new() { { d => d.Actor, Actor! }, { d => d.Image, image } })
            is { Data: EcsConsole.Domain.Storage.ExportedImage exported })
        {
            Snackbar.Add(L["Exporting {0}: follow the task {1} on the Tasks page", image.Id, exported.TaskId], Severity.Success);
        }
    }

    private async Task CancelCopyAsync(ImageListItem image)
    {
        await ShowOutcomeAsync((await Copies.CancelCopyAsync(Actor!, image.RegionId, image.Id)).Error, L["Copy {0} cancelled", image.Id],
            EcsCalls.CancelCopyImage(image.RegionId, image.Id));
    }

    private async Task EditTagsAsync(ImageListItem image)
    {
        if (await ShowDialogAsync<EditTagsDialog>(L["Edit Tags"], new() { { d => d.Actor, Actor! }, { d => d.Image, image } }) is not null)
        {
            await ShowDoneAsync(L["Tags of {0} saved", image.Id]);
        }
    }

    private async Task EditAsync(ImageListItem image)
    {
        if (await ShowDialogAsync<EditImageDialog>(L["Edit Image"], new() { { d => d.Actor, Actor! }, { d => d.Image, image } }) is not null)
        {
            await ShowDoneAsync(L["Image {0} updated", image.Id]);
        }
    }

    private async Task DeprecateAsync(ImageListItem image)
    {
        var last = await Lifecycle.IsLastAvailableOfFamilyAsync(Actor!, image.RegionId, image.Id);
        var message = L["Deprecate {0} ({1})? It leaves the default lists; instances can still be created from it by ID.", image.Name, image.Id]
            + (last ? " " + L["It is the last Available image of family {0}: the family will resolve to no image.", image.Family ?? ""] : "");
        if (!await ConfirmAsync(L["Deprecate Image"], message, EcsCalls.ModifyImageAttribute(image.RegionId, image.Id, new ModifyImageRequest(), ImageStatus.Deprecated)))
        {
            return;
        }

        await ShowOutcomeAsync((await Lifecycle.DeprecateAsync(Actor!, image.RegionId, image.Id)).Error, L["Image {0} deprecated", image.Id]);
    }

    private async Task RestoreAsync(ImageListItem image)
    {
        await ShowOutcomeAsync((await Lifecycle.RestoreAsync(Actor!, image.RegionId, image.Id)).Error, L["Image {0} restored", image.Id],
            EcsCalls.ModifyImageAttribute(image.RegionId, image.Id, new ModifyImageRequest(), ImageStatus.Available));
    }

    private async Task DeleteAsync(IReadOnlyList<string> imageIds)
    {
        if (await ShowDialogAsync<DeleteImageDialog>(L["Delete Image"],
                new() { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id }, { d => d.ImageIds, imageIds } }) is { Data: DeletedImages deleted })
        {
            _selected.Clear();
            await ShowDoneAsync(L["Deleted {0}", string.Join(", ", deleted.ImageIds)]);
        }
    }

    private async Task CreateImageAsync()
    {
        if (await ShowDialogAsync<CreateImageDialog>(L["Create Custom Image"], new() { { d => d.Actor, Actor! }, { d => d.RegionId, Region!.Id } })
            is { Data: CreatedImage created })
        {
            Snackbar.Add(L["Creating image {0}", created.ImageId], Severity.Success);
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
