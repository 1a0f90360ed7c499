using MudBlazor;

namespace EcsConsole.Web.Components.Layout;

/// <summary>Colours close to the Alibaba Cloud console (orange brand, dark top bar).</summary>
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
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Helvetica Neue", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
