using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

public sealed class QuotasPageTests : ComponentTestBase
{
    private const string Acme = DemoWorld.AcmeAccountId;

    [Fact]
    public async Task Quotas_ForAnAccountAdmin_ShowsTheOwnAccountsRowsWithUsedAndLimit()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Render<QuotasPage>();

        // Assert
        var imageCount = $"quota-row-{Acme}-{QuotaCatalogue.ImageCount}";
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='{imageCount}']")));
        Assert.Equal("1", cut.Find($"[data-testid='{imageCount}-used']").TextContent.Trim());
        Assert.Equal("100", cut.Find($"[data-testid='{imageCount}-limit']").TextContent.Trim());
        Assert.NotNull(cut.Find($"[data-testid='quota-row-{Acme}-{QuotaCatalogue.SharedUsersPerImage}']"));
        Assert.Equal("4", cut.Find($"[data-testid='quota-row-{Acme}-{QuotaCatalogue.VcpuCount}-used']").TextContent.Trim());
        Assert.All(cut.FindAll("[data-testid^='quota-row-']"), r => Assert.StartsWith($"quota-row-{Acme}-", r.GetAttribute("data-testid")));
        Assert.Equal(QuotaCatalogue.All.Count, cut.FindAll("tbody tr[data-testid^='quota-row-']").Count);
        Assert.Empty(cut.FindAll("[data-testid='error-alert']"));
    }

    [Fact]
    public async Task Quotas_ForThePlatformAdmin_ShowsEveryAccount()
    {
        // Arrange
        await SignInAsync(DemoWorld.Root);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/quotas?region=eu-central-1");

        // Act
        var cut = Render<QuotasPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='quotas-table']")));
        Assert.Contains("eu-central-1", cut.Find("[data-testid='quotas-scope']").TextContent);
        foreach (var account in new[] { DemoWorld.AcmeAccountId, DemoWorld.GlobexAccountId, DemoWorld.InitechAccountId })
        {
            Assert.NotNull(cut.Find($"[data-testid='quota-row-{account}-{QuotaCatalogue.SnapshotsPerDisk}']"));
            Assert.NotNull(cut.Find($"[data-testid='quota-row-{account}-{QuotaCatalogue.InstanceCount}']"));
        }
    }

    [Fact]
    public async Task Quotas_ForAReadOnlyMember_ShowsForbiddenAndNoTable()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = Render<QuotasPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(CommonErrors.ForbiddenCode, cut.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
        Assert.Empty(cut.FindAll("[data-testid='quotas-table']"));
    }

    [Fact]
    public async Task Quotas_ShowEachUsageAsABarWithItsPercentage_WarningFromEightyPercent()
    {
        // Arrange: Acme's image quota in Hangzhou lowered to its usage (1 of 1); its shared-users quota untouched
        await SignInAsync(DemoWorld.Alice);
        await using (var db = Database.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = Acme, RegionId = "cn-hangzhou", Name = QuotaCatalogue.ImageCount, Limit = 1 });
            await db.SaveChangesAsync();
        }

        // Act
        var cut = Render<QuotasPage>();

        // Assert
        var full = $"quota-row-{Acme}-{QuotaCatalogue.ImageCount}-usage";
        cut.WaitForAssertion(() => Assert.Equal("100%", cut.Find($"[data-testid='{full}'] span").TextContent.Trim()));
        Assert.Contains("mud-warning-text", cut.Find($"[data-testid='{full}'] span").ClassName);
        Assert.Contains("mud-progress-linear-color-error", cut.Find($"[data-testid='{full}']").InnerHtml);
        var low = cut.Find($"[data-testid='quota-row-{Acme}-{QuotaCatalogue.SharedUsersPerImage}-usage'] span");
        Assert.DoesNotContain("mud-warning-text", low.ClassName);
    }
}
