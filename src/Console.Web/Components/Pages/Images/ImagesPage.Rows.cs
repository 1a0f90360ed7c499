using EcsConsole.Domain.Images;
using EcsConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcsConsole.Web.Components.Pages.Images;

/// <summary>
/// The table's header and the cells of each row that take no event (everything but the selection box and the actions), as
/// one markup frame each (<see cref="Html"/>, issue #20): as elements, attributes and texts they were ~45 render frames a
/// row, which an open page keeps for as long as it is open.
/// </summary>
public partial class ImagesPage
{
    private MarkupString HeaderRow()
    {
        var html = new Html().Open("tr");
        if (ShowOwnerActions)
        {
            html.Open("th", style: "width: 40px").Element("span", L["Select"], "visually-hidden").Close("th");
        }

        html.Element("th", L["Image ID / Name"]);
        if (_state.Tab is ImageTab.Shared or ImageTab.Community)
        {
            html.Element("th", _state.Tab == ImageTab.Shared ? L["Owner Account"] : L["Publisher"]);
        }

        if (_state.Tab == ImageTab.Marketplace)
        {
            html.Element("th", L["Product"]);
        }

        html.Element("th", L["Operating System"]).Element("th", L["Architecture"]).Element("th", L["Size"]).Element("th", L["Boot Mode"]);
        if (_state.Tab is ImageTab.Custom or ImageTab.Shared or ImageTab.Community)
        {
            html.Element("th", L["Image Family"]);
        }

        if (_state.Tab == ImageTab.Custom)
        {
            html.Element("th", L["Tags"]);
        }

        if (_state.Tab is ImageTab.Public or ImageTab.Marketplace)
        {
            html.Element("th", L["Fee"]);
        }

        return html.Element("th", L["Status"]).Element("th", L["Created At (UTC)"], "nowrap").Element("th", L["Actions"], "sticky-actions")
            .Close("tr").ToMarkup();
    }

    /// <summary>
    /// Whether a row's actions take no event either (the tabs of images that are not the account's: their one action is a
    /// link to the buy page), so that <see cref="RowCells"/> writes the actions cell too and a row is a single frame.
    /// </summary>
    private bool ActionsInMarkup => _state.Tab is ImageTab.Public or ImageTab.Community or ImageTab.Marketplace;

    /// <summary>The row's Create Instance button: a link to the buy page, or disabled with the reason.</summary>
    private MarkupString LaunchButton(ImageListItem image) => LaunchButton(new Html(), image).ToMarkup();

    private Html LaunchButton(Html html, ImageListItem image)
    {
        var why = Why(image, ImageAction.Launch);
        return html.IconButton(Icons.Material.Filled.RocketLaunch, L["Create Instance"], why ?? L["Open the buy page with this image"], why is not null,
            why is null ? LaunchLink(image) : null, $"image-create-instance-{image.Id}");
    }

    /// <summary>A row's cells from the image's ID and name to its creation time, and its actions when
    /// <see cref="ActionsInMarkup"/>.</summary>
    private MarkupString RowCells(ImageListItem image)
    {
        var html = new Html().Open("td").Link(DetailUrl(image), image.Id, $"image-link-{image.Id}")
            .Open("div", "image-name").Text(image.Name == image.Id ? "" : image.Name);
        if (image.EndOfLife)
        {
            html.Chip(L["End of life"], "default", variant: "outlined", classes: "ml-1");
        }

        html.Close("div");
        if (_state.Tab == ImageTab.Custom)
        {
            html.Element("div", ResourceGroupText.NameOf(CommonTexts, _groups, image.ResourceGroupId), "mud-text-secondary",
                $"image-group-{image.Id}", CommonTexts["Resource Group"]);
        }

        html.Close("td");
        if (_state.Tab is ImageTab.Shared or ImageTab.Community)
        {
            // A Simple Application Server image shared to ECS has no owner account (ADR-003).
            html.Element("td", image.OwnerAccountId ?? image.SupplierName);
        }

        if (_state.Tab == ImageTab.Marketplace)
        {
            html.Open("td").Text(image.ProductCode).Element("div", image.SupplierName, "mud-text-secondary").Close("td");
        }

        html.Element("td", image.OsName).Element("td", image.Architecture.ToEcs())
            .Element("td", $"{image.SizeGiB} GiB", "nowrap").Element("td", image.BootMode.ToEcs());
        if (_state.Tab is ImageTab.Custom or ImageTab.Shared or ImageTab.Community)
        {
            html.Element("td", FamilyLabel(image));
        }

        if (_state.Tab == ImageTab.Custom)
        {
            TagsCell(html.Open("td", "image-tags", $"image-tags-{image.Id}"), image).Close("td");
        }

        if (_state.Tab is ImageTab.Public or ImageTab.Marketplace)
        {
            html.Element("td", image.FeePerHour > 0 ? L["${0:0.000}/hour", image.FeePerHour] : L["Free"]);
        }

        StatusChip.Write(html.Open("td", "nowrap"), CommonTexts, image.Status, image.Progress, $"image-status-{image.Id}").Close("td");
        html.Element("td", image.CreationTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), "nowrap");
        if (ActionsInMarkup)
        {
            LaunchButton(html.Open("td", "nowrap sticky-actions"), image).Close("td");
        }

        return html.ToMarkup();
    }

    /// <summary>The Tags cell: up to two chips <c>key:value</c>, or the count with every tag in its tooltip.</summary>
    private Html TagsCell(Html html, ImageListItem image)
    {
        var tags = image.Tags;
        if (tags.Count == 0)
        {
            return html.Text("—");
        }

        if (tags.Count <= 2)
        {
            foreach (var tag in tags)
            {
                html.Chip(TagText(tag), "default", variant: "outlined", classes: "image-tag-chip");
            }

            return html;
        }

        return html.Open("span", title: string.Join(", ", tags.Select(TagText)))
            .Chip(L["{0} tags", tags.Count], "default", variant: "outlined", classes: "image-tag-chip").Close("span");
    }

    private static string TagText(KeyValuePair<string, string> tag) => string.IsNullOrEmpty(tag.Value) ? tag.Key : $"{tag.Key}:{tag.Value}";
}
