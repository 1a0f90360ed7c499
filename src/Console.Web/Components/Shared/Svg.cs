using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as plain markup, for places that render many of them and need no behaviour (issue #20): every
/// <c>MudIcon</c> is a component, and a component costs an open page about 4 KB of server memory (two render-tree
/// buffers, its builder and parameter state) for as long as the page is open. The markup is MudIcon's own, with its
/// classes, so it looks the same and stays hidden from assistive technology.
/// </summary>
public static class Svg
{
    /// <summary>The icon (one of <c>Icons.Material.*</c>) with MudIcon's classes; <paramref name="classes"/> adds to them:
    /// a colour (<c>mud-icon-default</c> as MudIcon's default colour, <c>mud-primary-text</c>…; none inherits the text's
    /// colour, as <c>Color.Inherit</c>) and spacing.</summary>
    /// <remarks>The markup is made once per icon and classes and shared by every page (the keys are the code's own
    /// constants, so the cache is bounded), so a render keeps a reference, not a copy.</remarks>
    public static MarkupString Icon(string icon, string classes = "", string size = "medium") =>
        Cache.GetOrAdd((icon, classes, size), static key => Make(key.Icon, key.Classes, key.Size));

    private static readonly ConcurrentDictionary<(string Icon, string Classes, string Size), MarkupString> Cache = new();

    /// <summary>
    /// The icons that list rows write into their markup strings (<see cref="Html.IconButton"/>): defined once in the document
    /// (<see cref="SpriteSheet"/>, in App.razor, outside every circuit) and referenced by id, so that a row's string holds a
    /// short reference instead of the icon's path (about a kilobyte for some) on every row of every open page.
    /// </summary>
    private static readonly string[] Sprites =
    [
        Icons.Material.Filled.RocketLaunch, Icons.Material.Filled.ContentCopy, Icons.Material.Filled.Share, Icons.Material.Filled.LocalOffer,
        Icons.Material.Filled.Delete, Icons.Material.Filled.Download, Icons.Material.Filled.ChevronLeft, Icons.Material.Filled.ChevronRight,
    ];

    /// <summary>The symbols of <see cref="Sprites"/>, rendered once per document.</summary>
    public static MarkupString SpriteSheet { get; } = new(
        "<svg class=\"svg-sprites\" aria-hidden=\"true\" focusable=\"false\">" +
        string.Concat(Sprites.Select((icon, i) => $"<symbol id=\"ecs-icon-{i}\" viewBox=\"0 0 24 24\">{icon}</symbol>")) + "</svg>");

    /// <summary>The icon as <see cref="Icon"/> draws it, by reference to <see cref="SpriteSheet"/> when it is there.</summary>
    public static MarkupString Reference(string icon, string classes = "", string size = "medium") =>
        Array.IndexOf(Sprites, icon) is var index and >= 0
            ? References.GetOrAdd((index, classes, size), static key => Make($"<use href=\"#ecs-icon-{key.Index}\"></use>", key.Classes, key.Size))
            : Icon(icon, classes, size);

    private static readonly ConcurrentDictionary<(int Index, string Classes, string Size), MarkupString> References = new();

    /// <summary>MudIcon's svg element around <paramref name="content"/> (an icon's paths, or a reference to its symbol).</summary>
    private static MarkupString Make(string content, string classes, string size) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size} {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{content}</svg>");
}
