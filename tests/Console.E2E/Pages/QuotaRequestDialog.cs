using System.Globalization;

namespace EcsConsole.E2E.Pages;

/// <summary><c>Request Quota Increase</c>: the <c>Limit</c> asked for and a <c>Reason</c>.</summary>
public sealed class QuotaRequestDialog(IPage page) : ConsoleDialog(page, "Request Quota Increase")
{
    public async Task RequestAsync(int limit, string reason)
    {
        await Field("Limit").FillAsync(limit.ToString(CultureInfo.InvariantCulture));
        await Field("Reason").FillAsync(reason);
        await SubmitAsync();
    }
}
