using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ImageBuilder;

/// <summary>Builds through their phases (image-builder.md §2.5): results, failures, cancel windows, one build per template.</summary>
public sealed class ImageBuildTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private const string Ubuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
    private readonly TestDatabase _db = new();
    private DomainServices _services = null!;
    private Actor _alice = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _services = new DomainServices(_db);
        _alice = await _db.ActorAsync(DemoWorld.Alice);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private ImagePipelineService Pipelines => _services.Get<ImagePipelineService>();

    private ImageBuildService Builds => _services.Get<ImageBuildService>();

    private async Task<string> TemplateAsync(string buildContent = "RUN apt-get update", Func<CreateImagePipelineRequest, CreateImagePipelineRequest>? change = null)
    {
        var request = new CreateImagePipelineRequest
        {
            RegionId = Hangzhou, Name = "web-template", BaseImageType = "IMAGE", BaseImage = Ubuntu, BuildContent = buildContent,
            InstanceType = "ecs.g7.large", ImageName = "web",
        };
        var created = await Pipelines.CreateAsync(_alice, change?.Invoke(request) ?? request);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private async Task<ImagePipelineExecution> ExecutionAsync(string id) => (await Builds.GetAsync(_alice, Hangzhou, id)).Value;

    private async Task<ImagePipelineExecution> RunToEndAsync(string executionId)
    {
        await _services.RunUntilAsync(async () => BuildStatuses.IsFinal((await ExecutionAsync(executionId)).Status));
        return await ExecutionAsync(executionId);
    }

    private async Task<List<string>> SeenStatesAsync(string executionId)
    {
        var seen = new List<string>();
        await _services.RunUntilAsync(async () =>
        {
            var status = (await ExecutionAsync(executionId)).Status.ToString();
            if (seen.LastOrDefault() != status)
            {
                seen.Add(status);
            }

            return BuildStatuses.IsFinal(Enum.Parse<BuildStatus>(status));
        });
        return seen;
    }

    [Fact]
    public async Task A_build_goes_through_its_phases_to_success_and_leaves_an_available_image_named_by_prefix_and_execution()
    {
        var template = await TemplateAsync(change: r => r with { ImageFamily = "web-family" });
        var started = await Builds.StartAsync(_alice, Hangzhou, template);
        Assert.True(started.IsSuccess, started.Error?.ToString());

        var states = await SeenStatesAsync(started.Value);

        Assert.Equal(["PREPARING", "BUILDING", "RELEASING", "SUCCESS"], states);
        var execution = await ExecutionAsync(started.Value);
        await using var db = _db.NewContext();
        var image = await db.Images.SingleAsync(i => i.RegionId == Hangzhou && i.Id == execution.ImageId);
        Assert.Equal($"web_{started.Value}", image.Name);
        Assert.Equal(ImageStatus.Available, image.Status);
        Assert.Equal("web-family", image.Family);
        Assert.Contains(execution.Log, l => l.Text.Contains("RUN apt-get update: exit code 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_transit_instance_is_a_real_instance_while_the_build_runs_and_is_released_after()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync());
        await _services.RunUntilAsync(async () => (await ExecutionAsync(started.Value)).TransitInstanceId is not null);
        var transit = (await ExecutionAsync(started.Value)).TransitInstanceId!;
        await using (var db = _db.NewContext())
        {
            var instance = await db.Instances.SingleAsync(i => i.Id == transit);
            Assert.Equal(ImageBuildHandler.TransitInstanceName(started.Value), instance.Name);
            Assert.Equal(InstanceChargeType.PostPaid, instance.ChargeType);
        }

        await RunToEndAsync(started.Value);

        await using var after = _db.NewContext();
        Assert.False(await after.Instances.AnyAsync(i => i.Id == transit));
    }

    [Fact]
    public async Task A_build_with_regions_and_accounts_distributes_copies_and_shares_so_the_account_sees_it()
    {
        var template = await TemplateAsync(change: r => r with { ToRegionIds = [Shanghai], AddAccounts = [DemoWorld.GlobexAccountId] });
        var started = await Builds.StartAsync(_alice, Hangzhou, template);

        var states = await SeenStatesAsync(started.Value);

        Assert.Equal(["PREPARING", "BUILDING", "DISTRIBUTING", "RELEASING", "SUCCESS"], states);
        var execution = await ExecutionAsync(started.Value);
        var copy = Assert.Single(execution.Copies);
        Assert.Equal(Shanghai, copy.RegionId);
        await using var db = _db.NewContext();
        var copied = await db.Images.SingleAsync(i => i.RegionId == Shanghai && i.Id == copy.ImageId);
        Assert.Equal(ImageStatus.Available, copied.Status);
        Assert.True(await db.ImageShares.AnyAsync(s => s.ImageId == execution.ImageId && s.AccountId == DemoWorld.GlobexAccountId));
        Assert.True(await db.ImageShares.AnyAsync(s => s.ImageId == copy.ImageId && s.AccountId == DemoWorld.GlobexAccountId));
    }

    [Fact]
    public async Task A_command_that_exits_non_zero_fails_the_build_in_building_with_its_code_and_leaves_no_image_and_no_instance()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync("RUN echo one\nRUN exit 1"));

        var states = await SeenStatesAsync(started.Value);

        Assert.Equal(["PREPARING", "BUILDING", "RELEASING", "FAILED"], states);
        var execution = await ExecutionAsync(started.Value);
        Assert.Equal(ImageBuilderErrors.ExitCodeNonzeroCode, execution.ErrorCode);
        Assert.Null(execution.ImageId);
        await using var db = _db.NewContext();
        Assert.False(await db.Images.AnyAsync(i => i.Name == $"web_{started.Value}"));
        Assert.False(await db.Instances.AnyAsync(i => i.Name == ImageBuildHandler.TransitInstanceName(started.Value)));
    }

    [Fact]
    public async Task A_failed_build_keeps_its_instance_when_the_template_says_not_to_delete_it()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync("RUN exit 2", r => r with { DeleteInstanceOnFailure = false }));

        var execution = await RunToEndAsync(started.Value);

        Assert.Equal(BuildStatus.FAILED, execution.Status);
        await using var db = _db.NewContext();
        Assert.True(await db.Instances.AnyAsync(i => i.Name == ImageBuildHandler.TransitInstanceName(started.Value)));
    }

    [Fact]
    public async Task A_failing_test_ends_test_failed_and_keeps_the_image_undistributed()
    {
        var template = await TemplateAsync(change: r => r with { TestContent = "RUN test -f /etc/app.conf || exit 4", ToRegionIds = [Shanghai] });
        var started = await Builds.StartAsync(_alice, Hangzhou, template);

        var states = await SeenStatesAsync(started.Value);

        Assert.Equal(["PREPARING", "BUILDING", "TESTING", "RELEASING", "TEST_FAILED"], states);
        var execution = await ExecutionAsync(started.Value);
        Assert.Empty(execution.Copies);
        await using var db = _db.NewContext();
        Assert.Equal(ImageStatus.Available, (await db.Images.SingleAsync(i => i.Id == execution.ImageId)).Status);
        Assert.False(await db.Instances.AnyAsync(i => i.Name.StartsWith("imagebuilder-")));
    }

    [Fact]
    public async Task A_template_runs_one_build_at_a_time_and_cannot_be_deleted_meanwhile()
    {
        var template = await TemplateAsync();
        var first = await Builds.StartAsync(_alice, Hangzhou, template);

        var second = await Builds.StartAsync(_alice, Hangzhou, template);
        var delete = await Pipelines.DeleteAsync(_alice, Hangzhou, template);

        Assert.True(first.IsSuccess);
        Assert.Equal(ImageBuilderErrors.HasRunningExecutionCode, second.Error?.Code);
        Assert.Equal(ImageBuilderErrors.HasRunningExecutionCode, delete.Error?.Code);
        await RunToEndAsync(first.Value);
        Assert.True((await Builds.StartAsync(_alice, Hangzhou, template)).IsSuccess);
    }

    [Fact]
    public async Task Cancelling_in_building_releases_the_instance_and_ends_cancelled_and_an_ended_build_cannot_be_cancelled()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync(string.Join('\n', Enumerable.Range(1, 30).Select(i => $"RUN echo {i}"))));
        await _services.RunUntilAsync(async () => (await ExecutionAsync(started.Value)).Status == BuildStatus.BUILDING);

        var cancelled = await Builds.CancelAsync(_alice, Hangzhou, started.Value);
        var execution = await RunToEndAsync(started.Value);
        var again = await Builds.CancelAsync(_alice, Hangzhou, started.Value);

        Assert.True(cancelled.IsSuccess, cancelled.Error?.ToString());
        Assert.Equal(BuildStatus.CANCELLED, execution.Status);
        Assert.Equal(ImageBuilderErrors.CancelFailedCode, again.Error?.Code);
        await using var db = _db.NewContext();
        Assert.False(await db.Instances.AnyAsync(i => i.Name.StartsWith("imagebuilder-")));
        Assert.False(await db.Images.AnyAsync(i => i.Name == $"web_{started.Value}"));
    }

    [Fact]
    public async Task A_build_cannot_be_cancelled_while_distributing()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync(change: r => r with { ToRegionIds = [Shanghai] }));
        await _services.RunUntilAsync(async () => (await ExecutionAsync(started.Value)).Status == BuildStatus.DISTRIBUTING);

        var cancelled = await Builds.CancelAsync(_alice, Hangzhou, started.Value);

        Assert.Equal(ImageBuilderErrors.NotCancellableCode, cancelled.Error?.Code);
    }

    [Fact]
    public async Task A_build_left_half_way_by_one_process_is_finished_by_the_next()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync());
        await _services.RunUntilAsync(async () => (await ExecutionAsync(started.Value)).Status == BuildStatus.BUILDING);
        await _services.DisposeAsync();

        _services = new DomainServices(_db);
        var execution = await RunToEndAsync(started.Value);

        Assert.Equal(BuildStatus.SUCCESS, execution.Status);
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Images.CountAsync(i => i.Name == $"web_{started.Value}"));
    }

    [Fact]
    public async Task A_build_acts_as_the_user_who_started_it_so_its_launches_and_images_are_audited_as_theirs()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync());

        await RunToEndAsync(started.Value);

        await using var db = _db.NewContext();
        var actions = await db.AuditEntries.Where(a => a.UserId == _alice.UserId).Select(a => a.Action).ToListAsync();
        Assert.Contains("StartImagePipelineExecution", actions);
        Assert.Contains("RunInstances", actions);
        Assert.Contains("CreateImage", actions);
        Assert.Contains("DeleteInstance", actions);
    }

    [Fact]
    public async Task A_repair_mode_adds_the_repairing_phase()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync(change: r => r with { RepairMode = "Standard" }));

        var states = await SeenStatesAsync(started.Value);

        Assert.Equal(["PREPARING", "REPAIRING", "BUILDING", "RELEASING", "SUCCESS"], states);
    }
}
