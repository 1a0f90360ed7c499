using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// Read-only markup written as one string, for what lists repeat on every row (issue #20). An open page keeps its render
/// tree in memory as long as it is open, twice (the current tree and the one the next render is built in), at 80 bytes a
/// frame: every element, attribute and text is a frame, and a table of ten rows was over 600 frames, an 80 KB buffer.
/// Written here, the cells of a row that take no event are one markup frame and a string, which a render keeps by
/// reference. Every text and attribute value is HTML-encoded; tags, attribute names and classes are the code's own.
/// </summary>
public sealed class Html
{
    /// <summary>Encodes only what HTML needs (&lt;, &gt;, &amp;, quotes…), not letters of other scripts: a Chinese text
    /// stays as short as it is.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();

    /// <summary>Opens <paramref name="tag"/> with a class and attributes (a null value leaves the attribute out, as a
    /// render tree does).</summary>
    public Html Open(string tag, string? classes = null, string? testId = null, string? title = null, string? href = null, string? style = null,
        string? type = null, string? ariaLabel = null)
    {
        _html.Append('<').Append(tag);
        Attribute("type", type);
        Attribute("href", href);
        Attribute("class", classes);
        Attribute("style", style);
        Attribute("aria-label", ariaLabel);
        Attribute("title", title);
        Attribute("data-testid", testId);
        _html.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(Encoder.Encode(text));
        }

        return this;
    }

    /// <summary>Markup that is already HTML (an icon of <see cref="Svg"/>, another snippet of this class).</summary>
    public Html Raw(MarkupString markup)
    {
        _html.Append(markup.Value);
        return this;
    }

    /// <summary>An element holding only text: <c>&lt;td&gt;text&lt;/td&gt;</c>.</summary>
    public Html Element(string tag, string? text, string? classes = null, string? testId = null, string? title = null) =>
        Open(tag, classes, testId, title).Text(text).Close(tag);

    /// <summary>A link in MudLink's style (<c>Typo.body2</c>).</summary>
    public Html Link(string href, string text, string? testId = null, string typo = "body2") =>
        Open("a", $"mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-{typo}", testId, href: href).Text(text).Close("a");

    /// <summary>A small chip (<c>MudChip</c>) in a palette colour, e.g. a status: <paramref name="variant"/> is <c>text</c>
    /// or <c>outlined</c>, <paramref name="classes"/> adds spacing.</summary>
    public Html Chip(string text, string color, string? testId = null, string variant = "text", string? classes = null) =>
        Open("div", "mud-chip-container")
            .Open("div", $"mud-chip mud-chip-{variant} mud-chip-size-small mud-chip-color-{color} {classes}", testId)
            .Element("span", text, "mud-chip-content")
            .Close("div").Close("div");

    /// <summary>A chip alone, as a list cell writes it (<see cref="Chip"/>).</summary>
    public static MarkupString ChipMarkup(string text, string color, string? testId = null, string variant = "text") =>
        new Html().Chip(text, color, testId, variant).ToMarkup();

    /// <summary>MudTooltip's wrapper: it holds the tooltip, so that a disabled button, which takes no pointer events, still
    /// says why on hover.</summary>
    public const string TooltipClasses = "mud-tooltip-root mud-tooltip-inline";

    /// <summary>MudIconButton's classes; <paramref name="color"/> a palette colour (<c>error</c>…) or null for the default.</summary>
    public static string IconButtonClasses(string size, string? color = null) =>
        $"mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-{size}"
        + (color is null ? "" : $" mud-{color}-text hover:mud-{color}-hover");

    /// <summary>An icon button that handles no event (<c>Plain.IconButton</c> writes the others): a link when
    /// <paramref name="href"/> is given (with <paramref name="download"/>, a file saved under that name), else a button,
    /// disabled or not.</summary>
    public Html IconButton(string icon, string label, string? tooltip, bool disabled, string? href, string? testId, string size = "small",
        string? download = null, string? color = null)
    {
        Open("div", TooltipClasses, title: tooltip);
        var tag = href is not null ? "a" : "button";
        _html.Append('<').Append(tag);
        Attribute("class", IconButtonClasses(size, color));
        Attribute("aria-label", label);
        Attribute("data-testid", testId);
        if (href is not null)
        {
            Attribute("href", href);
            if (download is not null)
            {
                Attribute("download", download);
                Attribute("data-enhance-nav", "false");
            }
        }
        else
        {
            _html.Append(" type=\"button\"");
            if (disabled)
            {
                _html.Append(" disabled");
            }
        }

        _html.Append('>');
        return Open("span", "mud-icon-button-label").Raw(Svg.Reference(icon, size: size)).Close("span").Close(tag).Close("div");
    }

    public MarkupString ToMarkup() => new(_html.ToString());

    public override string ToString() => _html.ToString();

    private void Attribute(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        _html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
    }
}
