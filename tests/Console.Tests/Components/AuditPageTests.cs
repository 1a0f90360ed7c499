using Bunit;
using AuditEntry = EcsConsole.Domain.Audit.AuditEntry;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using AuditPage = EcsConsole.Web.Components.Pages.Admin.AuditPage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

/// <summary>The audit log page: scoping per role, failed entries, filters and paging through the URL.</summary>
public sealed class AuditPageTests : ComponentTestBase
{
    private long _aliceCreate, _aliceFailed, _carolCreate;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var alice = await Database.ActorAsync(DemoWorld.Alice);
        var carol = await Database.ActorAsync(DemoWorld.Carol);
        _aliceCreate = await AddAsync(alice, "CreateImage", "m-acme1", 0);
        _aliceFailed = await AddAsync(alice with { Source = ActorSource.Api }, "DeleteImage", "m-acme1", 1, new EcsError("IncorrectImageStatus", 403, "in use"));
        _carolCreate = await AddAsync(carol, "CreateImage", "m-globex1", 2);
    }

    private async Task<long> AddAsync(Actor actor, string action, string resourceId, int minutes, EcsError? error = null)
    {
        await using var db = Database.NewContext();
        var entry = AuditEntry.For(actor, action, ResourceKind.Image, resourceId, "cn-hangzhou", Database.Time.GetUtcNow().AddMinutes(minutes), error);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private IRenderedComponent<AuditPage> Open(string query)
    {
        Navigation.NavigateTo("/admin/audit?" + query);
        return Render<AuditPage>();
    }

    private static IReadOnlyList<long> RowIds(IRenderedComponent<AuditPage> cut) =>
        cut.FindAll("[data-testid^='audit-row-']").Select(r => long.Parse(r.GetAttribute("data-testid")!["audit-row-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task AuditPage_ForAnAccountAdmin_ShowsOnlyTheOwnAccountsRowsNewestFirst()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal([_aliceFailed, _aliceCreate], RowIds(cut)));
        Assert.DoesNotContain(_carolCreate, RowIds(cut));
        Assert.Equal("Total 2 entries", cut.Find("[data-testid='audit-total']").TextContent.Trim());
        var row = cut.Find($"[data-testid='audit-row-{_aliceCreate}']").TextContent;
        Assert.Contains("2026-11-23 10:00:00", row);
        Assert.Contains(DemoWorld.Alice, row);
        Assert.Contains(DemoWorld.AcmeAccountId, row);
        Assert.Contains("CreateImage", row);
        Assert.Contains("m-acme1", row);
        Assert.Contains("OK", row);
        Assert.Empty(cut.FindAll("[data-testid='filter-account']"));
    }

    [Fact]
    public async Task AuditPage_AFailedEntry_ShowsItsErrorCode()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='audit-row-{_aliceFailed}']")));
        var result = cut.Find($"[data-testid='audit-row-{_aliceFailed}'] [data-error-code]");
        Assert.Equal("IncorrectImageStatus", result.GetAttribute("data-error-code"));
        Assert.Empty(cut.FindAll($"[data-testid='audit-row-{_aliceCreate}'] [data-error-code]"));
    }

    [Fact]
    public async Task AuditPage_ForAReadOnlyMember_ShowsForbiddenAndNoTable()
    {
        // Arrange
        await SignInAsync(DemoWorld.Bob);

        // Act
        var cut = Open("region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(CommonErrors.ForbiddenCode, cut.Find("[data-testid='error-alert']").GetAttribute("data-error-code")));
        Assert.Empty(cut.FindAll("[data-testid='audit-table']"));
    }

    [Fact]
    public async Task AuditPage_FilterInTheUrl_NarrowsTheRows()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou&result=failed");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal([_aliceFailed], RowIds(cut)));
        Assert.Contains("Clear filters", cut.Markup);
    }

    [Fact]
    public async Task AuditPage_ForThePlatformAdminWithAnAccountInTheUrl_ShowsThatAccountAndTheAccountField()
    {
        // Arrange
        await SignInAsync(DemoWorld.Root);

        // Act
        var cut = Open($"account={DemoWorld.GlobexAccountId}&action=CreateImage");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal([_carolCreate], RowIds(cut)));
        Assert.NotNull(cut.Find("[data-testid='filter-account']"));
    }

    [Fact]
    public async Task AuditPage_WithANonsensePageSize_NormalisesItAndSaysSo()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = Open("region=cn-hangzhou&pageSize=1000&page=abc&result=maybe");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
        var notices = cut.FindAll("[data-testid='url-normalized']").Select(n => n.TextContent).ToList();
        Assert.Contains(notices, n => n.Contains("showing 100 per page", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("\"abc\"", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("\"maybe\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditPage_NextPage_NavigatesToPageTwoKeepingFiltersAndRegion()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var alice = await Database.ActorAsync(DemoWorld.Alice);
        for (var i = 0; i < 10; i++)
        {
            await AddAsync(alice, "CreateImage", $"m-page{i}", 10 + i);
        }

        var cut = Open("region=cn-beijing&action=CreateImage&pageSize=10");
        cut.WaitForAssertion(() => Assert.Equal(10, RowIds(cut).Count));

        // Act
        cut.Find("button[aria-label='Next page']").Click();

        // Assert
        Assert.EndsWith("admin/audit?region=cn-beijing&action=CreateImage&page=2&pageSize=10", Navigation.Uri);
    }
}
