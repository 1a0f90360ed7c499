using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ImageBuilder;

/// <summary>
/// Starting and listing builds (IB-50…52, IB-59): what Start checks again since the template was made, who may start
/// and see builds, and the build acting as the user who started it. The phases themselves are in <see cref="ImageBuildTests"/>.
/// </summary>
public sealed class ImageBuildServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
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

    private async Task<string> TemplateAsync(Func<CreateImagePipelineRequest, CreateImagePipelineRequest>? change = null)
    {
        var request = new CreateImagePipelineRequest
        {
            RegionId = Hangzhou, Name = "web-template", BaseImageType = "IMAGE", BaseImage = Ubuntu, BuildContent = "RUN apt-get update",
            InstanceType = "ecs.g7.large", ImageName = "web",
        };
        var created = await Pipelines.CreateAsync(_alice, change?.Invoke(request) ?? request);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private async Task<string> StartAsync(string template)
    {
        _db.Time.Advance(TimeSpan.FromSeconds(1));
        var started = await Builds.StartAsync(_alice, Hangzhou, template);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        return started.Value;
    }

    private async Task<ImagePipelineExecution> ExecutionAsync(string id) => (await Builds.GetAsync(_alice, Hangzhou, id)).Value;

    private async Task<ImagePipelineExecution> RunToEndAsync(string executionId)
    {
        await _services.RunUntilAsync(async () => BuildStatuses.IsFinal((await ExecutionAsync(executionId)).Status));
        return await ExecutionAsync(executionId);
    }

    private async Task<string> ImageIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    // ---- StartImagePipelineExecution ----

    [Fact]
    public async Task Starting_an_unknown_template_is_not_found_with_404()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, "ip-bp000000000000000000");

        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, started.Error?.Code);
        Assert.Equal(404, started.Error?.HttpStatus);
    }

    [Fact]
    public async Task A_build_starts_in_PREPARING_with_its_tags_and_who_started_it()
    {
        var template = await TemplateAsync();

        var started = await Builds.StartAsync(_alice, Hangzhou, template, [new BuilderTag("run", "nightly")]);

        var execution = await ExecutionAsync(started.Value);
        Assert.StartsWith("exec-", execution.Id, StringComparison.Ordinal);
        Assert.Equal(BuildStatus.PREPARING, execution.Status);
        Assert.Null(execution.ImageId);
        Assert.Equal([new BuilderTag("run", "nightly")], execution.Tags);
        Assert.Equal(_alice.UserId, execution.StartedByUserId);
        Assert.Equal(Ubuntu, execution.BaseImageId);
        Assert.Equal($"web_{execution.Id}", execution.ImageName);
    }

    [Fact]
    public async Task Malformed_build_tags_are_refused()
    {
        var started = await Builds.StartAsync(_alice, Hangzhou, await TemplateAsync(), [new BuilderTag("acs:run", "nightly")]);

        Assert.Equal(ImageErrors.TagKeyMalformedCode, started.Error?.Code);
    }

    [Fact]
    public async Task A_family_base_resolves_when_the_build_starts_to_the_newest_available_image_of_the_family()
    {
        var template = await TemplateAsync(r => r with { BaseImageType = "IMAGE_FAMILY", BaseImage = "acme-base", ImageFamily = "acme-base" });

        var first = await StartAsync(template);
        var firstBase = (await ExecutionAsync(first)).BaseImageId;
        var built = await RunToEndAsync(first);
        var second = await StartAsync(template);

        Assert.Equal(await ImageIdAsync("acme-base-v1"), firstBase);
        Assert.Equal(BuildStatus.SUCCESS, built.Status);
        Assert.Equal(built.ImageId, (await ExecutionAsync(second)).BaseImageId); // the first build's image is the family's newest now
    }

    [Fact]
    public async Task A_family_with_no_image_is_refused_at_start()
    {
        var template = await TemplateAsync(r => r with { BaseImageType = "IMAGE_FAMILY", BaseImage = "acme-empty" });

        var started = await Builds.StartAsync(_alice, Hangzhou, template);

        Assert.Equal(ImageBuilderErrors.FamilyBaseImageNotFoundCode, started.Error?.Code);
        Assert.Equal(404, started.Error?.HttpStatus);
    }

    [Fact]
    public async Task A_base_image_deleted_since_the_template_was_made_is_not_found_at_start()
    {
        var acmeBase = await ImageIdAsync("acme-base-v1");
        var template = await TemplateAsync(r => r with { BaseImage = acmeBase });
        var deleted = await _services.Get<ImageLifecycleService>().DeleteAsync(_alice, Hangzhou, new DeleteImagesRequest([acmeBase]));
        Assert.True(deleted.IsSuccess, deleted.Error?.ToString());

        var started = await Builds.StartAsync(_alice, Hangzhou, template);

        Assert.Equal(ImageBuilderErrors.BaseImageNotFoundCode, started.Error?.Code);
    }

    [Fact]
    public async Task A_component_gone_since_the_template_was_made_is_not_found_at_start()
    {
        var component = await _services.Get<ImageComponentService>().CreateAsync(_alice,
            new CreateImageComponentRequest { RegionId = Hangzhou, Name = "web", Content = "RUN apt-get install -y nginx" });
        var template = await TemplateAsync(r => r with { BuildContent = $"COMPONENT {component.Value}" });
        await using (var db = _db.NewContext())
        {
            // DeleteImageComponent refuses a component in use (IB-16); the row goes the way a withdrawn one would.
            db.ImageComponents.Remove(await db.ImageComponents.SingleAsync(c => c.Id == component.Value));
            await db.SaveChangesAsync();
        }

        var started = await Builds.StartAsync(_alice, Hangzhou, template);

        Assert.Equal(ImageBuilderErrors.ReferencedComponentNotFoundCode, started.Error?.Code);
    }

    [Fact]
    public async Task A_wildcard_component_version_resolves_to_the_highest_version_when_the_build_starts()
    {
        var components = _services.Get<ImageComponentService>();
        await components.CreateAsync(_alice, new CreateImageComponentRequest { RegionId = Hangzhou, Name = "web", ComponentVersion = "1.0.0", Content = "RUN echo one" });
        var template = await TemplateAsync(r => r with { BuildContent = $"COMPONENT acs:ecs:{Hangzhou}:{DemoWorld.AcmeAccountId}:imagecomponent/web/1.*.*" });
        await components.CreateAsync(_alice, new CreateImageComponentRequest { RegionId = Hangzhou, Name = "web", ComponentVersion = "1.2.0", Content = "RUN echo one-two" });
        await components.CreateAsync(_alice, new CreateImageComponentRequest { RegionId = Hangzhou, Name = "web", ComponentVersion = "2.0.0", Content = "RUN echo two" });

        var execution = await ExecutionAsync(await StartAsync(template));

        Assert.Equal("echo one-two", Assert.Single(execution.BuildSteps).Text);
    }

    [Fact]
    public async Task Without_an_instance_type_the_smallest_type_the_base_image_runs_on_is_chosen_and_the_build_runs_on_it()
    {
        var template = await TemplateAsync(r => r with { InstanceType = null });
        var table = await _services.Get<CompatibilityService>().CheckTypesAsync(_alice, Hangzhou, null, Ubuntu);
        var smallest = table.Value.First(t => t.IsAllowed).Type.Id;

        var executionId = await StartAsync(template);
        var transitType = "";
        await _services.RunUntilAsync(async () =>
        {
            await using var db = _db.NewContext();
            transitType = await db.Instances.Where(i => i.Name == ImageBuildHandler.TransitInstanceName(executionId)).Select(i => i.InstanceTypeId).FirstOrDefaultAsync() ?? "";
            return transitType != "";
        });
        var execution = await RunToEndAsync(executionId);

        Assert.Equal(smallest, execution.InstanceTypeId);
        Assert.Equal(smallest, transitType);
        Assert.Equal(BuildStatus.SUCCESS, execution.Status);
    }

    [Fact]
    public async Task With_the_suffix_disabled_a_second_build_is_refused_because_the_first_took_the_name()
    {
        var template = await TemplateAsync(r => r with { ImageName = "web-release", ImageNameSuffix = "disable" });
        var first = await RunToEndAsync(await StartAsync(template));

        var second = await Builds.StartAsync(_alice, Hangzhou, template);

        Assert.Equal(BuildStatus.SUCCESS, first.Status);
        Assert.Equal(ImageErrors.NameDuplicatedCode, second.Error?.Code);
    }

    [Fact]
    public async Task A_read_only_member_sees_builds_but_cannot_start_or_cancel_one()
    {
        var template = await TemplateAsync();
        var executionId = await StartAsync(template);
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        var started = await Builds.StartAsync(bob, Hangzhou, template);
        var cancelled = await Builds.CancelAsync(bob, Hangzhou, executionId);
        var listed = await Builds.ListAsync(bob, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template });

        Assert.Equal(CommonErrors.ForbiddenCode, started.Error?.Code);
        Assert.Equal(CommonErrors.ForbiddenCode, cancelled.Error?.Code);
        Assert.Equal(executionId, Assert.Single(listed.Value.Items).Id);
    }

    [Fact]
    public async Task Another_account_neither_sees_nor_starts_nor_cancels_the_template_builds()
    {
        var template = await TemplateAsync();
        var executionId = await StartAsync(template);
        var carol = await _db.ActorAsync(DemoWorld.Carol);

        var started = await Builds.StartAsync(carol, Hangzhou, template);
        var listed = await Builds.ListAsync(carol, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template });
        var byId = await Builds.ListAsync(carol, new ImageBuildQuery { RegionId = Hangzhou, ExecutionId = executionId });
        var cancelled = await Builds.CancelAsync(carol, Hangzhou, executionId);
        var fetched = await Builds.GetAsync(carol, Hangzhou, executionId);

        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, started.Error?.Code);
        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, listed.Error?.Code);
        Assert.Empty(byId.Value.Items);
        Assert.Equal(ImageBuilderErrors.ExecutionNotFoundCode, cancelled.Error?.Code);
        Assert.Equal(ImageBuilderErrors.ExecutionNotFoundCode, fetched.Error?.Code);
    }

    [Fact]
    public async Task The_build_acts_as_the_user_who_started_it_in_the_audit_log()
    {
        var execution = await RunToEndAsync(await StartAsync(await TemplateAsync()));

        await using var db = _db.NewContext();
        var entries = await db.AuditEntries.Where(a => a.Action == "RunInstances" || a.Action == "CreateImage").ToListAsync();
        Assert.Contains(entries, e => e.Action == "CreateImage" && e.ResourceId == execution.ImageId && e.UserId == _alice.UserId && e.ErrorCode == null);
        Assert.Contains(entries, e => e.Action == "RunInstances" && e.UserId == _alice.UserId && e.ErrorCode == null && e.Source == _alice.Source);
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "StartImagePipelineExecution").ToListAsync(), e => e.UserId == _alice.UserId);
    }

    [Fact]
    public async Task An_image_quota_used_up_during_the_build_fails_it_with_the_quota_code_and_leaves_no_instance()
    {
        var template = await TemplateAsync();
        await using (var db = _db.NewContext())
        {
            var count = await db.Images.CountAsync(i => i.Kind == ImageKind.Custom && i.OwnerAccountId == DemoWorld.AcmeAccountId && i.RegionId == Hangzhou);
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.ImageCount, Limit = count });
            await db.SaveChangesAsync();
        }

        var executionId = await StartAsync(template);
        var execution = await RunToEndAsync(executionId);

        Assert.Equal(BuildStatus.FAILED, execution.Status);
        Assert.Equal(ImageErrors.ImageQuotaCode, execution.ErrorCode);
        Assert.Null(execution.ImageId);
        await using var after = _db.NewContext();
        Assert.False(await after.Instances.AnyAsync(i => i.Name == ImageBuildHandler.TransitInstanceName(executionId)));
        Assert.False(await after.Images.AnyAsync(i => i.Name == $"web_{executionId}"));
    }

    // ---- DescribeImagePipelineExecutions ----

    [Fact]
    public async Task Listing_needs_a_template_or_an_execution()
    {
        var listed = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou });

        Assert.Equal(ImageBuilderErrors.MissingPipelineIdCode, listed.Error?.Code);
    }

    [Fact]
    public async Task Listing_an_unknown_template_is_not_found()
    {
        var listed = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = "ip-bp000000000000000000" });

        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, listed.Error?.Code);
    }

    [Theory]
    [InlineData("DONE")]
    [InlineData("success")]
    [InlineData("SUCCESS,RUNNING")]
    [InlineData("3")]
    public async Task A_status_outside_the_12_states_is_invalid(string status)
    {
        var listed = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = await TemplateAsync(), Status = status });

        Assert.Equal(ImageBuilderErrors.StatusParameterCode, listed.Error?.Code);
    }

    [Fact]
    public async Task More_than_20_execution_IDs_are_refused()
    {
        var ids = string.Join(',', Enumerable.Range(1, 21).Select(i => $"exec-{i:D20}"));

        var listed = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ExecutionId = ids });

        Assert.Equal(ImageBuilderErrors.ExecutionIdSizeCode, listed.Error?.Code);
    }

    [Fact]
    public async Task An_unknown_execution_ID_lists_nothing()
    {
        var listed = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ExecutionId = "exec-00000000000000000000" });

        Assert.True(listed.IsSuccess, listed.Error?.ToString());
        Assert.Empty(listed.Value.Items);
        Assert.Equal(0, listed.Value.TotalCount);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_by_execution_IDs_newest_first()
    {
        var template = await TemplateAsync();
        var done = await RunToEndAsync(await StartAsync(template));
        var running = await StartAsync(template);
        var other = await StartAsync(await TemplateAsync(r => r with { Name = "other" }));

        var all = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template });
        var succeeded = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template, Status = "SUCCESS" });
        var early = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template, Status = "PREPARING, BUILDING" });
        var byIds = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ExecutionId = $"{done.Id},{other}" });
        var region = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, AllOfRegion = true });

        Assert.Equal([running, done.Id], all.Value.Items.Select(e => e.Id));
        Assert.Equal(done.Id, Assert.Single(succeeded.Value.Items).Id);
        Assert.Equal(running, Assert.Single(early.Value.Items).Id);
        Assert.Equal([other, done.Id], byIds.Value.Items.Select(e => e.Id));
        Assert.Equal(3, region.Value.TotalCount);
    }

    [Fact]
    public async Task The_list_filters_by_tag_and_pages()
    {
        var template = await TemplateAsync();
        var tagged = await Builds.StartAsync(_alice, Hangzhou, template, [new BuilderTag("run", "nightly")]);

        var byTag = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template, Tags = [new BuilderTag("run", "nightly")] });
        var noMatch = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template, Tags = [new BuilderTag("run", "weekly")] });
        var badToken = await Builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template, NextToken = "x" });

        Assert.Equal(tagged.Value, Assert.Single(byTag.Value.Items).Id);
        Assert.Empty(noMatch.Value.Items);
        Assert.Equal(ImageBuilderErrors.NextTokenCode, badToken.Error?.Code);
    }
}
