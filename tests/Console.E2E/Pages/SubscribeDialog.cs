namespace EcsConsole.E2E.Pages;

/// <summary><c>Subscribe</c> to a Marketplace product in the region, on a plan its billing model offers.</summary>
public sealed class SubscribeDialog(IPage page) : ConsoleDialog(page, "Subscribe");
