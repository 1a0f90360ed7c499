using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

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

    private static MarkupString Make(string icon, string classes, string size) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size} {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");
}
