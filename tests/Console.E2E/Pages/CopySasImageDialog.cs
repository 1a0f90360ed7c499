namespace EcsConsole.E2E.Pages;

/// <summary>The Simple Application Server <c>Copy Image</c>: the <c>Destination Region</c> (the first other region by default).</summary>
public sealed class CopySasImageDialog(IPage page) : ConsoleDialog(page, "Copy Image")
{
    public ILocator DestinationRegion => Field("Destination Region");
}
