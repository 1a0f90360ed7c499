using MudBlazor;

namespace EcsConsole.Web.Components.Layout;

/// <summary>Colours close to the Alibaba Cloud console (orange brand, dark top bar), light and dark (chosen per user).</summary>
internal static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#ff6a00",
            Secondary = "#0064c8",
            AppbarBackground = "#1f2329",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
        },

        // MudBlazor's dark palette with the brand colours, lightened where they are text on a dark surface (WCAG AA contrast).
        PaletteDark = new PaletteDark
        {
            Primary = "#ff8a3d",
            Secondary = "#5aa9ff",
            AppbarBackground = "#14171c",
            AppbarText = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Helvetica Neue", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
