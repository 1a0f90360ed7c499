namespace EcsConsole.E2E.Pages;

/// <summary>The Simple Application Server <c>Create Server</c>: <c>Image Type</c>, <c>Custom Image</c>, <c>Plan</c>, <c>Server Name</c>, <c>Amount</c>.</summary>
public sealed class CreateSasServerDialog(IPage page) : ConsoleDialog(page, "Create Server")
{
    public ILocator Image => TestId("sas-server-image");

    public ILocator Plan => TestId("sas-server-plan");

    public Task NameAsync(string name) => Field("Server Name").FillAsync(name);

    public Task AmountAsync(int amount) => Field("Amount").FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
