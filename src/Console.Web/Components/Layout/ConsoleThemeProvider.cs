using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace EcsConsole.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with its style sheet built once per theme and mode for the whole process instead of once
/// per render of every circuit (issue #20). MudThemeProvider writes the theme's CSS variables as a new ~30,000-character
/// string on every render, and a circuit keeps two of them (the current and the previous render tree): about 117 KB of
/// every open page. The text depends only on the theme and the mode, so every circuit can hold the same string. A cache
/// of a pure function, so a node that has not built it yet answers the same.
/// </summary>
public sealed class ConsoleThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(MudTheme? Theme, bool Dark), MarkupString> Sheets = new();
    private static readonly MarkupString Scrollbar = new(BuildMudBlazorScrollbar());

    // MudThemeProvider's own chart rule, as it renders it.
    private const string ChartStyle =
        "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    // The mode as the layout passes it (MudBlazor's analyser keeps components from reading their own state parameters).
    private bool _dark;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        _dark = parameters.TryGetValue<bool>(nameof(IsDarkMode), out var dark) && dark;
        return base.SetParametersAsync(parameters);
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
        {
            builder.AddContent(0, Scrollbar);
        }

        builder.AddMarkupContent(1, ChartStyle);
        builder.AddContent(2, Sheets.GetOrAdd((Theme, _dark), _ => new MarkupString(BuildTheme())));
    }
}
