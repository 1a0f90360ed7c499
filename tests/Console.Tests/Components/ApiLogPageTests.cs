using Bunit;
using EcsConsole.Domain.ApiLog;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApiLogPage = EcsConsole.Web.Components.Pages.ApiLog.ApiLogPage;

namespace EcsConsole.Tests.Components;

/// <summary>The <c>/api-log</c> page (ADR-013): the account's calls, filtered through the URL, live as batches are written.</summary>
public sealed class ApiLogPageTests : ComponentTestBase
{
    private int _next;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task WriteAsync(string email, string action, string? code = null)
    {
        string userId;
        await using (var db = Database.NewContext())
        {
            userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }

        await Services.GetRequiredService<ApiCallLogWriter>().WriteAsync([new ApiCallRecord
        {
            RequestId = $"REQ-{++_next}",
            Time = Database.Time.GetUtcNow(),
            Action = action,
            UserId = userId,
            AccessKeyId = "LTAI-test",
            HttpStatus = code is null ? 200 : 400,
            ErrorCode = code,
            Parameters = ApiParameterRedaction.ToJson([new("RegionId", "cn-hangzhou"), new("Signature", "abc")]),
        }]);
    }

    private static IReadOnlyList<string> RowIds(IRenderedComponent<ApiLogPage> cut) =>
        cut.FindAll("[data-testid^='api-call-row-']").Select(r => r.GetAttribute("data-testid")!["api-call-row-".Length..]).ToList();

    [Fact]
    public async Task AMember_SeesTheAccountsCalls_AndANewBatchAppearsWithoutAReload()
    {
        // Arrange: a call of Acme and one of Globex, Bob (read-only) on the page
        await SignInAsync(DemoWorld.Bob);
        await WriteAsync(DemoWorld.Alice, "DescribeRegions");
        await WriteAsync(DemoWorld.Carol, "DescribeRegions");
        Navigation.NavigateTo("/api-log");
        var cut = Render<ApiLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(["REQ-1"], RowIds(cut)));

        // Act
        await WriteAsync(DemoWorld.Alice, "CopyImage", "Throttling.User");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(["REQ-3", "REQ-1"], RowIds(cut)));
        Assert.Equal("Throttling.User", cut.Find("[data-testid='api-call-error-REQ-3']").TextContent.Trim());
        Assert.Contains("Signature=******", cut.Find("[data-testid='api-call-parameters-REQ-3']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUrlsFilters_ShowOnlyErrors_OfOneAction()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        await WriteAsync(DemoWorld.Alice, "CopyImage");
        await WriteAsync(DemoWorld.Alice, "CopyImage", "Throttling.User");
        await WriteAsync(DemoWorld.Alice, "DescribeImages", "InvalidRegionId.NotFound");

        // Act
        Navigation.NavigateTo("/api-log?status=error&action=CopyImage");
        var cut = Render<ApiLogPage>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(["REQ-2"], RowIds(cut)));
    }

    [Fact]
    public async Task ThePlatformAdmin_SeesEveryAccount_AndFiltersByOne()
    {
        // Arrange
        await SignInAsync(DemoWorld.Root);
        await WriteAsync(DemoWorld.Alice, "DescribeRegions");
        await WriteAsync(DemoWorld.Carol, "DescribeRegions");

        // Act
        Navigation.NavigateTo($"/api-log?account={DemoWorld.GlobexAccountId}");
        var filtered = Render<ApiLogPage>();

        // Assert
        filtered.WaitForAssertion(() => Assert.Equal(["REQ-2"], RowIds(filtered)));
        Assert.NotNull(filtered.Find("[data-testid='filter-account']"));
    }
}
