using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Snapshots;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

/// <summary>The <c>/snapshots/policies</c> page: a policy's row with its disks; what a read-only member and an Operator may do.</summary>
public sealed class AutoSnapshotPoliciesPageTests : ComponentTestBase
{
    [Fact]
    public async Task Policies_ForAReadOnlyMember_ListThePolicyAndItsDisk_WithEveryActionDisabled()
    {
        // Arrange: Alice's policy on one of Acme's disks
        await SignInAsync(DemoWorld.Bob);
        var (policyId, diskId) = await PolicyOnADiskAsync();

        // Act
        var cut = RenderAt<AutoSnapshotPoliciesPage>("/snapshots/policies?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='policy-row-{policyId}']")));
        Assert.Contains(diskId, cut.Find($"[data-testid='policy-disks-{policyId}']").TextContent, StringComparison.Ordinal);
        Assert.Equal("02:00, 14:00", cut.Find($"[data-testid='policy-row-{policyId}'] td:nth-child(2)").TextContent.Trim());
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Policy").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='policy-apply-{policyId}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='policy-delete-{policyId}']").HasAttribute("disabled"));
        Assert.True(cut.Find($"[data-testid='policy-cancel-{policyId}-{diskId}']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Policies_ForAnOperator_AllowEveryAction()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        var (policyId, diskId) = await PolicyOnADiskAsync();

        // Act
        var cut = RenderAt<AutoSnapshotPoliciesPage>("/snapshots/policies?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid='policy-row-{policyId}']")));
        Assert.False(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create Policy").HasAttribute("disabled"));
        Assert.False(cut.Find($"[data-testid='policy-apply-{policyId}']").HasAttribute("disabled"));
        Assert.False(cut.Find($"[data-testid='policy-delete-{policyId}']").HasAttribute("disabled"));
        Assert.False(cut.Find($"[data-testid='policy-cancel-{policyId}-{diskId}']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Policies_InChinese_NameThePageAndItsColumns()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        await PolicyOnADiskAsync();
        using var chinese = CultureScope.Chinese();

        // Act
        var cut = RenderAt<AutoSnapshotPoliciesPage>("/snapshots/policies?region=cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='policy-row-']")));
        Assert.Equal("自动快照策略", cut.Find("h1").TextContent.Trim());
        Assert.Contains("重复日期", cut.Find("[data-testid='auto-snapshot-policies-table'] thead").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Alice's policy of 02:00 and 14:00 on Mondays and Wednesdays, on one of Acme's data disks (made after signing in: the services are fixed then).</summary>
    private async Task<(string PolicyId, string DiskId)> PolicyOnADiskAsync()
    {
        var alice = await Database.ActorAsync(DemoWorld.Alice);
        var policies = Services.GetRequiredService<AutoSnapshotPolicyService>();
        string diskId;
        await using (var db = Database.NewContext())
        {
            diskId = await db.Disks.Where(d => d.AccountId == DemoWorld.AcmeAccountId && d.RegionId == "cn-hangzhou" && d.Type == "data").OrderBy(d => d.Id)
                .Select(d => d.Id).FirstAsync();
        }

        var created = await policies.CreateAsync(alice, new CreateAutoSnapshotPolicyRequest("cn-hangzhou", "nightly", [14, 2], [1, 3], 7));
        Assert.True((await policies.ApplyAsync(alice, "cn-hangzhou", created.Value, [diskId])).IsSuccess);
        return (created.Value, diskId);
    }
}
