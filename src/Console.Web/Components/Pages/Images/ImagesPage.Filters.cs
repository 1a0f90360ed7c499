using EcsConsole.Domain.Images;
using EcsConsole.Domain.Regions;
using EcsConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EcsConsole.Web.Components.Pages.Images;

/// <summary>The image list's tabs, filters, sort and paging: each change is a new URL (<see cref="ImageListUrl"/>).</summary>
public partial class ImagesPage
{
    private string StatusValue => _state.Statuses is null
        ? ""
        : _state.Statuses.Count == Enum.GetValues<ImageStatus>().Length ? "all" : string.Join(',', _state.Statuses);

    private string TabTitle => _state.Tab switch
    {
        ImageTab.Custom => L["Custom Images"],
        ImageTab.Public => L["Public Images"],
        ImageTab.Shared => L["Shared Images"],
        ImageTab.Community => L["Community Images"],
        ImageTab.Marketplace => L["Marketplace Images"],
    };

    private string EmptyTitle => _state.HasFilters
        ? L["No images match your search and filters."]
        : _state.Tab switch
        {
            ImageTab.Custom => L["You have no custom images in {0}.", Region?.Name ?? ""],
            ImageTab.Public => L["No public images are offered in {0}.", Region?.Name ?? ""],
            ImageTab.Shared => L["No images are shared with your account in {0}.", Region?.Name ?? ""],
            ImageTab.Community => L["No community images are published in {0}.", Region?.Name ?? ""],
            ImageTab.Marketplace => L["No Marketplace images are released in {0}.", Region?.Name ?? ""],
        };

    private string EmptyHint => _state.HasFilters
        ? L["Change the search or clear the filters to see more."]
        : _state.Tab switch
        {
            ImageTab.Custom => L["Custom images are made from an instance or from snapshots, imported from OSS, or copied from another region. Switch region to see images elsewhere."],
            ImageTab.Shared => L["Ask the owner of an image to share it with your account ID; it then appears here."],
            ImageTab.Community => L["Images other accounts publish as community images appear here."],
            ImageTab.Public or ImageTab.Marketplace => L["Switch region to see what is offered elsewhere."],
        };

    private string DetailUrl(ImageListItem image) => $"images/{Uri.EscapeDataString(image.Id)}?region={image.RegionId}";

    private string FamilyLabel(ImageListItem image) => image.Family is null
        ? "—"
        : _state.Tab == ImageTab.Custom ? image.Family : $"acs:{image.OwnerAccountId}:{image.Family}";

    private void Go(ImageListUrl state) => Navigation.NavigateTo(state.ToUrl(Region?.Id ?? Region.DefaultRegionId));

    private void OnTabChanged(int index) =>
        Go(new ImageListUrl { Tab = (ImageTab)index, PageSize = _state.PageSize, Sort = _state.Sort });

    private void OnSearchByChanged(ImageSearchField field) => Go(_state with { SearchBy = field, Page = 1 });

    private void OnSearchChanged(string? text)
    {
        _searchText = text;
        if ((text ?? "") != (_state.Search ?? ""))
        {
            Go(_state with { Search = string.IsNullOrWhiteSpace(text) ? null : text, Page = 1 });
        }
    }

    private void OnTagChanged(string? text)
    {
        _tagText = text;
        if ((text ?? "") != (_state.Tag ?? ""))
        {
            Go(_state with { Tag = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Page = 1 });
        }
    }

    private void OnStatusChanged(string value)
    {
        IReadOnlyList<ImageStatus>? statuses = value switch
        {
            "" => null,
            "all" => Enum.GetValues<ImageStatus>(),
            _ => value.Split(',').Select(Enum.Parse<ImageStatus>).ToList(),
        };
        Go(_state with { Statuses = statuses, Page = 1 });
    }

    private void OnOsChanged(string value) => Go(_state with { OsType = ImageWords.ParseOsType(value), Page = 1 });

    private void OnArchChanged(string value) => Go(_state with { Architecture = ImageWords.ParseArchitecture(value), Page = 1 });

    private void OnFeeChanged(string value) =>
        Go(_state with { Fee = value switch { "free" => ImageFee.Free, "paid" => ImageFee.Paid, _ => null }, Page = 1 });

    private void OnFamilyChanged(string value) => Go(_state with { Family = string.IsNullOrEmpty(value) ? null : value, Page = 1 });

    private void OnResourceGroupChanged(string? groupId) => Go(_state with { ResourceGroupId = groupId, Page = 1 });

    private void OnSortChanged(ImageSort sort) => Go(_state with { Sort = sort, Page = 1 });

    private void OnPageSizeChanged(int size) => Go(_state with { PageSize = size, Page = 1 });

    private Task PageTo(int page)
    {
        Go(_state with { Page = Math.Max(1, page) });
        return Task.CompletedTask;
    }

    private void ClearFilters() => Go(new ImageListUrl { Tab = _state.Tab, PageSize = _state.PageSize, Sort = _state.Sort });
}
