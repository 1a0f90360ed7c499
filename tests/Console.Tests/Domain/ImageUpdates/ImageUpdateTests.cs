using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.ImageUpdates;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ImageUpdates;

/// <summary>
/// Updating a custom image with the OOS template <c>ACS-ECS-UpdateImage</c> (image-builder.md §3): the seven tasks,
/// the temporary instance, the failure paths (OOS-10, OOS-14, OOS-19) and cancelling.
/// </summary>
public sealed class ImageUpdateTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Windows = "win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd";
    private readonly TestDatabase _db = new();
    private DomainServices _services = null!;
    private Actor _alice = null!;
    private string _source = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        _services = new DomainServices(_db);
        _alice = await _db.ActorAsync(DemoWorld.Alice);
        await using var db = _db.NewContext();
        _source = await db.Images.Where(i => i.Name == "acme-base-v1").Select(i => i.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private ImageUpdateService Updates => _services.Get<ImageUpdateService>();

    private UpdateImageRequest Request(string command = "yum update -y", string? name = "acme-base-v2") => new()
    {
        RegionId = Hangzhou, SourceImageId = _source, InstanceType = "ecs.g7.large", TargetImageName = name, CommandContent = command,
    };

    private async Task<string> StartAsync(UpdateImageRequest request)
    {
        var started = await Updates.StartAsync(_alice, request);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        return started.Value;
    }

    private async Task<ImageUpdateRun> RunAsync(string id) => (await Updates.GetAsync(_alice, Hangzhou, id)).Value;

    private async Task<ImageUpdateRun> RunToEndAsync(string id)
    {
        await _services.RunUntilAsync(async () => ImageUpdateRun.IsFinal((await RunAsync(id)).Status));
        return await RunAsync(id);
    }

    private static OosStepStatus StatusOf(ImageUpdateRun run, string step) => run.Steps.Single(s => s.Name == step).Status;

    private async Task<bool> AnyTemporaryInstanceAsync(string id)
    {
        await using var db = _db.NewContext();
        return await db.Instances.AnyAsync(i => i.Name == ImageUpdateHandler.InstanceName(id));
    }

    [Fact]
    public async Task A_run_goes_through_the_seven_steps_in_order_to_a_new_available_image_without_a_family()
    {
        var id = await StartAsync(Request() with { Tags = [("purpose", "patched")] });
        var seen = new List<string>();

        await _services.RunUntilAsync(async () =>
        {
            var run = await RunAsync(id);
            if (seen.LastOrDefault() != run.CurrentStep.Name)
            {
                seen.Add(run.CurrentStep.Name);
            }

            return ImageUpdateRun.IsFinal(run.Status);
        });

        var run = await RunAsync(id);
        Assert.Equal(OosStatus.Success, run.Status);
        Assert.Equal(ImageUpdateRun.StepNames, seen);
        Assert.All(run.Steps, s => Assert.Equal(OosStepStatus.Success, s.Status));
        Assert.Null(run.ErrorCode);
        await using var db = _db.NewContext();
        var image = await db.Images.Include(i => i.Tags).SingleAsync(i => i.RegionId == Hangzhou && i.Id == run.ImageId);
        Assert.NotEqual(_source, image.Id);
        Assert.Equal("acme-base-v2", image.Name);
        Assert.Equal(ImageStatus.Available, image.Status);
        Assert.Null(image.Family);
        Assert.Equal(ImageKind.Custom, image.Kind);
        Assert.Contains(image.Tags, t => t.TagKey == "purpose" && t.TagValue == "patched");
        var source = await db.Images.SingleAsync(i => i.RegionId == Hangzhou && i.Id == _source);
        Assert.Equal("acme-base", source.Family);
        Assert.Equal(ImageStatus.Available, source.Status);
    }

    [Fact]
    public async Task The_temporary_instance_is_a_pay_as_you_go_instance_of_the_source_image_while_the_run_lasts_and_is_released_after()
    {
        var id = await StartAsync(Request());
        await _services.RunUntilAsync(async () => (await RunAsync(id)).InstanceId is not null);
        var instanceId = (await RunAsync(id)).InstanceId!;
        await using (var db = _db.NewContext())
        {
            var instance = await db.Instances.SingleAsync(i => i.Id == instanceId);
            Assert.Equal(ImageUpdateHandler.InstanceName(id), instance.Name);
            Assert.Equal(InstanceChargeType.PostPaid, instance.ChargeType);
            Assert.Equal(_source, instance.ImageId);
            Assert.Equal("ecs.g7.large", instance.InstanceTypeId);
        }

        var run = await RunToEndAsync(id);

        Assert.Equal(OosStatus.Success, run.Status);
        Assert.Null(run.InstanceId);
        await using var after = _db.NewContext();
        Assert.False(await after.Instances.AnyAsync(i => i.Id == instanceId));
    }

    [Fact]
    public async Task A_command_exiting_non_zero_fails_the_run_after_deleting_the_instance_and_makes_no_image()
    {
        var id = await StartAsync(Request(command: "exit 3"));

        var run = await RunToEndAsync(id);

        Assert.Equal(OosStatus.Failed, run.Status);
        Assert.Equal(ImageBuilderErrors.ExitCodeNonzeroCode, run.ErrorCode);
        Assert.Equal(OosStepStatus.Failed, StatusOf(run, "runCommand"));
        Assert.Equal(OosStepStatus.Skipped, StatusOf(run, "stopInstance"));
        Assert.Equal(OosStepStatus.Skipped, StatusOf(run, "createImage"));
        Assert.Equal(OosStepStatus.Success, StatusOf(run, "deleteInstance"));
        Assert.Null(run.ImageId);
        Assert.False(await AnyTemporaryInstanceAsync(id));
        await using var db = _db.NewContext();
        Assert.False(await db.Images.AnyAsync(i => i.Name == "acme-base-v2"));
    }

    [Fact]
    public async Task A_target_name_in_use_fails_the_first_step_and_launches_nothing()
    {
        int launchesBefore;
        await using (var db = _db.NewContext())
        {
            launchesBefore = await db.AuditEntries.CountAsync(a => a.Action == "RunInstances");
        }

        var id = await StartAsync(Request(name: "acme-base-v1"));
        var run = await RunToEndAsync(id);

        Assert.Equal(OosStatus.Failed, run.Status);
        Assert.Equal(ImageErrors.NameDuplicatedCode, run.ErrorCode);
        Assert.Equal(OosStepStatus.Failed, StatusOf(run, "checkNewImageName"));
        Assert.All(run.Steps.Skip(1), s => Assert.Equal(OosStepStatus.Skipped, s.Status));
        Assert.Null(run.InstanceId);
        Assert.False(await AnyTemporaryInstanceAsync(id));
        await using var after = _db.NewContext();
        Assert.Equal(launchesBefore, await after.AuditEntries.CountAsync(a => a.Action == "RunInstances"));
    }

    [Fact]
    public async Task Without_a_target_name_the_image_is_named_after_the_source_and_the_execution()
    {
        var id = await StartAsync(Request(name: null));
        var fromPublic = await StartAsync(Request(name: null) with { SourceImageId = "ubuntu_22_04_x64_20G_alibase_20240130.vhd" });

        Assert.Equal($"UpdateImage_from_{_source}_on_{id}", (await RunAsync(id)).TargetImageName);
        Assert.Equal($"UpdateImage_from_ubuntu_22_04_x64_20G_alibase_20240130.vhd_on_{fromPublic}", (await RunAsync(fromPublic)).TargetImageName);
    }

    [Fact]
    public async Task Without_an_instance_type_the_smallest_type_the_source_runs_on_is_used()
    {
        var table = await _services.Get<CompatibilityService>().CheckTypesAsync(_alice, Hangzhou, null, _source);

        var id = await StartAsync(Request() with { InstanceType = null });

        Assert.Equal(table.Value.First(t => t.IsAllowed).Type.Id, (await RunAsync(id)).InstanceTypeId);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "RunBatScript for Linux", CommonErrors.InvalidParameterCode },
        { "RunPowerShellScript for Linux", CommonErrors.InvalidParameterCode },
        { "RunShellScript for Windows", CommonErrors.InvalidParameterCode },
        { "unknown command type", CommonErrors.InvalidParameterCode },
        { "blank command", CommonErrors.InvalidParameterCode },
        { "5-second timeout", CommonErrors.InvalidParameterCode },
        { "malformed name", ImageErrors.NameMalformedCode },
        { "malformed tag", ImageErrors.TagKeyMalformedCode },
        { "unknown source", ImageErrors.NotFoundCode },
        { "unknown instance type", ImageBuilderErrors.InstanceTypeNotFoundCode },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_before_anything_runs(string name, string code)
    {
        var request = Request();
        request = name switch
        {
            "RunBatScript for Linux" => request with { CommandType = "RunBatScript" },
            "RunPowerShellScript for Linux" => request with { CommandType = "RunPowerShellScript" },
            "RunShellScript for Windows" => request with { SourceImageId = Windows, CommandType = "RunShellScript" },
            "unknown command type" => request with { CommandType = "RunPythonScript" },
            "blank command" => request with { CommandContent = "  " },
            "5-second timeout" => request with { TimeoutSeconds = 5 },
            "malformed name" => request with { TargetImageName = "http://acme" },
            "malformed tag" => request with { Tags = [("acs:purpose", "x")] },
            "unknown source" => request with { SourceImageId = "m-bp0000000000000000" },
            _ => request with { InstanceType = "ecs.x9.huge" },
        };

        var started = await Updates.StartAsync(_alice, request);

        Assert.Equal(code, started.Error?.Code);
        Assert.Empty(await Updates.ListAsync(_alice, Hangzhou));
    }

    [Fact]
    public async Task A_Windows_image_runs_bat_or_PowerShell_scripts()
    {
        var started = await Updates.StartAsync(_alice, Request() with { SourceImageId = Windows, CommandType = "RunPowerShellScript", CommandContent = "Get-Date" });

        Assert.True(started.IsSuccess, started.Error?.ToString());
    }

    [Theory]
    [InlineData(DemoWorld.Bob)]
    [InlineData(DemoWorld.Root)]
    public async Task A_read_only_member_or_the_platform_admin_cannot_update_an_image(string email)
    {
        var started = await Updates.StartAsync(await _db.ActorAsync(email), Request());

        Assert.Equal(CommonErrors.ForbiddenCode, started.Error?.Code);
    }

    [Fact]
    public async Task Another_account_cannot_update_a_private_image_or_see_the_runs()
    {
        var id = await StartAsync(Request());
        var dave = await _db.ActorAsync(DemoWorld.Dave);

        var started = await Updates.StartAsync(dave, Request());
        var fetched = await Updates.GetAsync(dave, Hangzhou, id);
        var cancelled = await Updates.CancelAsync(dave, Hangzhou, id);

        Assert.Equal(ImageErrors.NotFoundCode, started.Error?.Code);
        Assert.Equal(ImageUpdateService.ExecutionNotFoundCode, fetched.Error?.Code);
        Assert.Equal(ImageUpdateService.ExecutionNotFoundCode, cancelled.Error?.Code);
        Assert.Empty(await Updates.ListAsync(dave, Hangzhou));
    }

    [Fact]
    public async Task Cancelling_a_running_update_releases_the_instance_and_ends_cancelled_without_an_image()
    {
        var id = await StartAsync(Request());
        await _services.RunUntilAsync(async () => (await RunAsync(id)).CurrentStep.Name == "installCloudAssistant");
        var instanceId = (await RunAsync(id)).InstanceId;

        var cancelled = await Updates.CancelAsync(_alice, Hangzhou, id);
        var run = await RunToEndAsync(id);
        var again = await Updates.CancelAsync(_alice, Hangzhou, id);

        Assert.True(cancelled.IsSuccess, cancelled.Error?.ToString());
        Assert.NotNull(instanceId);
        Assert.Equal(OosStatus.Cancelled, run.Status);
        Assert.Null(run.ErrorCode);
        Assert.Null(run.ImageId);
        Assert.Equal(OosStepStatus.Success, StatusOf(run, "deleteInstance"));
        Assert.Equal(OosStepStatus.Skipped, StatusOf(run, "createImage"));
        Assert.Equal(ImageUpdateService.InvalidStatusCode, again.Error?.Code);
        await using var db = _db.NewContext();
        Assert.False(await db.Instances.AnyAsync(i => i.Id == instanceId));
        Assert.False(await db.Images.AnyAsync(i => i.Name == "acme-base-v2"));
    }

    [Fact]
    public async Task A_read_only_member_cannot_cancel_but_sees_the_run()
    {
        var id = await StartAsync(Request());
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        var cancelled = await Updates.CancelAsync(bob, Hangzhou, id);

        Assert.Equal(CommonErrors.ForbiddenCode, cancelled.Error?.Code);
        Assert.Equal(id, Assert.Single(await Updates.ListAsync(bob, Hangzhou)).Id);
    }

    [Fact]
    public async Task Starting_and_cancelling_are_audited_as_the_user()
    {
        var id = await StartAsync(Request());
        await Updates.CancelAsync(_alice, Hangzhou, id);

        await using var db = _db.NewContext();
        var entries = await db.AuditEntries.Where(a => a.ResourceId == id).ToListAsync();
        Assert.Contains(entries, e => e.Action == ImageUpdateService.Action && e.UserId == _alice.UserId);
        Assert.Contains(entries, e => e.Action == "CancelExecution" && e.UserId == _alice.UserId);
    }
}
