using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// MudBlazor's buttons as plain markup with its classes, for lists that repeat them on every row (issue #20). A
/// <c>MudTooltip</c> around a <c>MudIconButton</c> is six components (tooltip, its child container, popover, the
/// popover holder's render, button, icon), and each component costs an open page about 4 KB of server memory for as long
/// as it is open (the demo world's four snapshots, 19 buttons: 692 KB a page on /snapshots); these cost a few frames.
/// The tooltip is the wrapper's <c>title</c>, as MudTooltip wraps its button, so a disabled button still says why on
/// hover (a disabled button takes no pointer events, the wrapper does). The accessible name is <c>aria-label</c>.
/// Interactive controls (selects, menus, dialogs, text fields) stay MudBlazor components.
/// </summary>
public static class Plain
{
    /// <summary>An icon button (<c>MudIconButton</c>, <c>Size.Small</c>) with its tooltip: a link when
    /// <paramref name="href"/> is given, else a button calling <paramref name="onClick"/> on <paramref name="receiver"/>.
    /// A link with <paramref name="download"/> saves the file under that name instead of navigating; <paramref name="color"/>
    /// a palette colour (<c>error</c> for a delete) or null.</summary>
    public static RenderFragment IconButton(IHandleEvent receiver, string icon, string label, string? tooltip, bool disabled = false,
        Func<Task>? onClick = null, string? href = null, string? testId = null, string size = "small", string? download = null, string? color = null)
    {
        var link = href is not null && !disabled;
        if (link || disabled || onClick is null)
        {
            // Nothing to handle: one markup frame (issue #20), the same markup as below.
            var markup = new Html().IconButton(icon, label, tooltip, disabled, link ? href : null, testId, size, download, color).ToMarkup();
            return builder => builder.AddContent(0, markup);
        }

        return builder =>
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "class", Html.TooltipClasses);
            builder.AddAttribute(2, "title", tooltip);
            builder.OpenElement(3, "button");
            builder.AddAttribute(4, "class", Html.IconButtonClasses(size, color));
            builder.AddAttribute(5, "aria-label", label);
            builder.AddAttribute(6, "data-testid", testId);
            builder.AddAttribute(10, "type", "button");
            builder.AddAttribute(12, "onclick", EventCallback.Factory.Create<MouseEventArgs>(receiver, onClick));
            builder.OpenElement(13, "span");
            builder.AddAttribute(14, "class", "mud-icon-button-label");
            builder.AddContent(15, Svg.Icon(icon, size: size));
            builder.CloseElement();
            builder.CloseElement();
            builder.CloseElement();
        };
    }

    /// <summary>An icon button for a row's action: disabled with its reason as the tooltip, else with its help.</summary>
    public static RenderFragment IconButton(IHandleEvent receiver, string icon, string label, Affordance affordance, Func<Task> onClick,
        string? testId = null, string? color = null) =>
        IconButton(receiver, icon, label, affordance.Tooltip, affordance.Disabled, onClick, testId: testId, color: color);

    /// <summary>A text button for a row's action: disabled with its reason as the tooltip, else with its help.</summary>
    public static RenderFragment Button(IHandleEvent receiver, string text, Affordance affordance, Func<Task> onClick,
        string variant = "filled", string color = "primary", string? testId = null, string size = "medium") =>
        Button(receiver, text, affordance.Tooltip, affordance.Disabled, onClick, variant, color, testId: testId, size: size);

    /// <summary>A text button with a start icon (<c>MudButton</c>): <paramref name="variant"/> is <c>filled</c>,
    /// <c>outlined</c> or <c>text</c>, <paramref name="color"/> a palette colour (<c>primary</c>…, <c>default</c>),
    /// <paramref name="size"/> <c>small</c>, <c>medium</c> or <c>large</c>.</summary>
    public static RenderFragment Button(IHandleEvent receiver, string text, string? tooltip, bool disabled, Func<Task> onClick,
        string variant = "filled", string color = "primary", string? icon = null, string? classes = null, string? testId = null,
        string size = "medium") => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", Html.TooltipClasses);
        builder.AddAttribute(2, "title", tooltip);
        builder.OpenElement(3, "button");
        builder.AddAttribute(4, "class",
            $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-{color} mud-button-{variant}-size-{size} mud-ripple {classes}");
        builder.AddAttribute(5, "type", "button");
        builder.AddAttribute(6, "data-testid", testId);
        builder.AddAttribute(7, "disabled", disabled);
        if (!disabled)
        {
            builder.AddAttribute(8, "onclick", EventCallback.Factory.Create<MouseEventArgs>(receiver, onClick));
        }

        builder.OpenElement(9, "span");
        builder.AddAttribute(10, "class", "mud-button-label");
        if (icon is not null)
        {
            builder.OpenElement(11, "span");
            builder.AddAttribute(12, "class", "mud-button-icon-start mud-button-icon-size-medium");
            builder.AddContent(13, Svg.Icon(icon));
            builder.CloseElement();
        }

        builder.AddContent(14, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}

/// <summary>
/// What a row's action button says: <paramref name="Reason"/> why it cannot be taken (it is then disabled, and the
/// tooltip says why), else <paramref name="Help"/>, what it does. The reason is worked out once for both.
/// </summary>
public readonly record struct Affordance(string? Reason, string Help)
{
    public bool Disabled => Reason is not null;

    public string Tooltip => Reason ?? Help;
}
