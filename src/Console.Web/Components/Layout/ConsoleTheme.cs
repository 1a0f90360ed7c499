using MudBlazor;

namespace EcsConsole.Web.Components.Layout;

/// <summary>
/// Colours close to the Alibaba Cloud console (orange brand, dark top bar), light and dark (chosen per user). Every
/// colour used as text or under white/black text keeps WCAG AA contrast (4.5:1, ADR-024): the brand orange #ff6a00 is
/// 2.9:1 on white, so the light palette uses a darker orange; status colours are darkened (light) or lightened with
/// black text on them (dark).
/// </summary>
internal static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#ad4700",
            Secondary = "#0064c8",
            Info = "#0b6bcb",
            Success = "#1b7a3a",
            Warning = "#8a5300",
            Error = "#c62828",
            TextSecondary = "#5f6368",
            AppbarBackground = "#1f2329",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
        },

        // MudBlazor's dark palette with the brand colours, lightened where they are text on a dark surface (WCAG AA contrast).
        PaletteDark = new PaletteDark
        {
            Primary = "#ff8a3d",
            PrimaryContrastText = "#000000",
            Secondary = "#5aa9ff",
            SecondaryContrastText = "#000000",
            Info = "#5aa9ff",
            InfoContrastText = "#000000",
            Success = "#3dcb6c",
            SuccessContrastText = "#000000",
            Warning = "#ffb545",
            WarningContrastText = "#000000",
            Error = "#ff7a85",
            ErrorContrastText = "#000000",
            TextSecondary = "rgba(255,255,255,0.75)",
            AppbarBackground = "#14171c",
            AppbarText = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Helvetica Neue", "Helvetica", "Arial", "sans-serif"] },
        },
    };

    /// <summary>
    /// The same theme's dark style sheet scoped to <c>:root.ecs-dark</c> instead of <c>:root</c>: App.razor writes both sheets
    /// once per document, outside the circuit, and the dark mode is a class on the document (issue #20: a theme provider
    /// in the layout kept a MudTheme of ~110 colours and its render trees on every open page).
    /// </summary>
    public static MudTheme DarkScoped { get; } = new()
    {
        PaletteLight = Theme.PaletteLight,
        PaletteDark = Theme.PaletteDark,
        Typography = Theme.Typography,
        PseudoCss = new PseudoCss { Scope = ":root." + DarkClass },
    };

    /// <summary>The class of the document's root element while the user's theme is dark.</summary>
    public const string DarkClass = "ecs-dark";
}
