using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Sharing;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ImageBuilder;

/// <summary>Image templates (IB-30…44): every code CreateImagePipeline can return, the list, and delete.</summary>
public sealed class ImagePipelineServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private const string Ubuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
    private const string Windows = "win2022_21H2_x64_dtc_en-us_40G_alibase_20250101.vhd";
    private const string SystemBuildComponent = "ic-aliyun00000000000001";
    private const string SystemTestComponent = "ic-aliyun00000000000004";
    private const string SystemWindowsComponent = "ic-aliyun00000000000005";
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

    private static CreateImagePipelineRequest Request() => new()
    {
        RegionId = Hangzhou, Name = "web-template", BaseImageType = "IMAGE", BaseImage = Ubuntu, BuildContent = "RUN apt-get update",
        InstanceType = "ecs.g7.large",
    };

    private async Task<ImagePipeline> CreateAsync(CreateImagePipelineRequest request, Actor? actor = null)
    {
        _db.Time.Advance(TimeSpan.FromSeconds(1));
        var created = await Pipelines.CreateAsync(actor ?? _alice, request);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return (await Pipelines.GetAsync(actor ?? _alice, request.RegionId, created.Value)).Value;
    }

    private async Task<EcsError?> CreateErrorAsync(CreateImagePipelineRequest request, Actor? actor = null) =>
        (await Pipelines.CreateAsync(actor ?? _alice, request)).Error;

    private async Task<string> ImageIdAsync(string name)
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private static IReadOnlyList<string> Many(int count, Func<int, string> item) => Enumerable.Range(1, count).Select(item).ToList();

    /// <summary>One way to get each code of CreateImagePipeline, in the order its documentation lists them.</summary>
    private static readonly Dictionary<string, (Func<CreateImagePipelineRequest, CreateImagePipelineRequest> Change, string Code)> Cases = new()
    {
        ["unknown region"] = (r => r with { RegionId = "cn-atlantis" }, CommonErrors.InvalidRegionIdNotFoundCode),
        ["malformed name"] = (r => r with { Name = "1st-template" }, ImageBuilderErrors.NameMalformedCode),
        ["malformed description"] = (r => r with { Description = "http://example.com" }, ImageBuilderErrors.DescriptionMalformedCode),
        ["malformed tag"] = (r => r with { Tags = [new BuilderTag("aliyun-team", "web")] }, ImageErrors.TagKeyMalformedCode),
        ["duplicate tag"] = (r => r with { Tags = [new BuilderTag("team", "a"), new BuilderTag("team", "b")] }, ImageErrors.TagKeyDuplicateCode),
        ["no base image type"] = (r => r with { BaseImageType = null }, ImageBuilderErrors.BaseImageTypeCode),
        ["lower-case base image type"] = (r => r with { BaseImageType = "image" }, ImageBuilderErrors.BaseImageTypeCode),
        ["unknown base image type"] = (r => r with { BaseImageType = "SNAPSHOT" }, ImageBuilderErrors.BaseImageTypeCode),
        ["no base image"] = (r => r with { BaseImage = null }, CommonErrors.MissingParameterCode),
        ["blank base image"] = (r => r with { BaseImage = "  " }, CommonErrors.MissingParameterCode),
        ["unknown base image"] = (r => r with { BaseImage = "m-bp0000000000000000" }, ImageBuilderErrors.BaseImageNotFoundCode),
        ["malformed base family"] = (r => r with { BaseImageType = "IMAGE_FAMILY", BaseImage = "1-family" }, ImageErrors.FamilyMalformedCode),
        ["unknown command"] = (r => r with { BuildContent = "DEPLOY web" }, ImageBuilderErrors.UnknownCommandCode),
        ["empty RUN"] = (r => r with { BuildContent = "RUN" }, "EmptyCommandContent.RUN"),
        ["bad test command"] = (r => r with { TestContent = "RUN test \"unclosed" }, "InvalidCommandContent.RUN"),
        ["two FROMs"] = (r => r with { BuildContent = $"FROM IMAGE:{Ubuntu}\nFROM IMAGE:{Ubuntu}" }, ImageBuilderErrors.DuplicatedFromCode),
        ["FROM after RUN"] = (r => r with { BuildContent = $"RUN echo\nFROM IMAGE:{Ubuntu}" }, ImageBuilderErrors.FromOrderCode),
        ["long build content"] = (r => r with { BuildContent = "RUN echo " + new string('a', 16 * 1024) }, ImageBuilderErrors.BuildContentLengthCode),
        ["long test content"] = (r => r with { TestContent = "RUN echo " + new string('a', 16 * 1024) }, ImageBuilderErrors.BuildContentLengthCode),
        ["128 commands"] = (r => r with { BuildContent = string.Join('\n', Enumerable.Repeat("RUN echo", 128)) }, ImageBuilderErrors.TooManyCommandsCode),
        ["malformed component reference"] = (r => r with { BuildContent = "COMPONENT web" }, ImageBuilderErrors.BuildContentInvalidCode),
        ["unknown component"] = (r => r with { BuildContent = "COMPONENT ic-bp00000000000000000000" }, ImageBuilderErrors.ReferencedComponentNotFoundCode),
        ["unknown component by ARN"] = (r => r with { BuildContent = $"COMPONENT acs:ecs:cn-hangzhou:{DemoWorld.AcmeAccountId}:imagecomponent/nothing/1.*.*" },
            ImageBuilderErrors.ReferencedComponentNotFoundCode),
        ["test component in build content"] = (r => r with { BuildContent = $"COMPONENT {SystemTestComponent}" }, ImageBuilderErrors.ComponentNotSupportedCode),
        ["build component in test content"] = (r => r with { TestContent = $"COMPONENT {SystemBuildComponent}" }, ImageBuilderErrors.ComponentNotSupportedCode),
        ["Windows component for a Linux base"] = (r => r with { BuildContent = $"COMPONENT {SystemWindowsComponent}" }, ImageBuilderErrors.ComponentNotSupportedCode),
        ["Dockerfile lines for a Windows base"] = (r => r with { BaseImage = Windows, BuildContent = "RUN echo hello" }, ImageBuilderErrors.BuildContentInvalidCode),
        ["Linux component for a Windows base"] = (r => r with { BaseImage = Windows, BuildContent = $"COMPONENT {SystemBuildComponent}" },
            ImageBuilderErrors.ComponentNotSupportedCode),
        ["malformed image name prefix"] = (r => r with { ImageName = "1web" }, ImageErrors.NameMalformedCode),
        ["one-character image name prefix"] = (r => r with { ImageName = "w" }, ImageErrors.NameMalformedCode),
        ["65-character image name prefix"] = (r => r with { ImageName = "w" + new string('a', 64) }, ImageErrors.NameMalformedCode),
        ["malformed image family"] = (r => r with { ImageFamily = "aliyun-web" }, ImageErrors.FamilyMalformedCode),
        ["short image description"] = (r => r with { ImageDescription = "x" }, ImageBuilderErrors.ImageOptionsDescriptionCode),
        ["URL image description"] = (r => r with { ImageDescription = "https://example.com/web" }, ImageBuilderErrors.ImageOptionsDescriptionCode),
        ["malformed image tag"] = (r => r with { ImageTags = [new BuilderTag("team", "acs:web")] }, ImageErrors.TagValueMalformedCode),
        ["unknown NVMe support"] = (r => r with { NvmeSupport = "yes" }, ImageBuilderErrors.NvmeSupportCode),
        ["unknown name suffix option"] = (r => r with { ImageName = "web", ImageNameSuffix = "enable" }, ImageBuilderErrors.ImageNameSuffixCode),
        ["suffix disabled without a prefix"] = (r => r with { ImageNameSuffix = "disable" }, ImageBuilderErrors.ParameterCombinationCode),
        ["19 GiB system disk"] = (r => r with { SystemDiskSize = 19 }, ImageBuilderErrors.SystemDiskSizeCode),
        ["501 GiB system disk"] = (r => r with { SystemDiskSize = 501 }, ImageBuilderErrors.SystemDiskSizeCode),
        ["101 Mbit/s"] = (r => r with { InternetMaxBandwidthOut = 101 }, ImageBuilderErrors.BandwidthCode),
        ["negative bandwidth"] = (r => r with { InternetMaxBandwidthOut = -1 }, ImageBuilderErrors.BandwidthCode),
        ["unknown instance type"] = (r => r with { InstanceType = "ecs.x9.huge" }, ImageBuilderErrors.InstanceTypeNotFoundCode),
        ["a vSwitch"] = (r => r with { VSwitchId = "vsw-bp1234567890abcdefg" }, ImageBuilderErrors.VSwitchNotFoundCode),
        ["21 regions"] = (r => r with { ToRegionIds = Many(21, i => $"region-{i}") }, ImageBuilderErrors.ToRegionSizeCode),
        ["unknown target region"] = (r => r with { ToRegionIds = [Shanghai, "cn-atlantis"] }, CommonErrors.InvalidRegionIdNotFoundCode),
        ["21 accounts"] = (r => r with { AddAccounts = Many(21, i => $"{i:D16}") }, ImageBuilderErrors.AddAccountSizeCode),
        ["malformed account"] = (r => r with { AddAccounts = ["12345"] }, CommonErrors.InvalidParameterCode),
        ["own account"] = (r => r with { AddAccounts = [DemoWorld.AcmeAccountId] }, CommonErrors.InvalidParameterCode),
        ["unknown repair mode"] = (r => r with { RepairMode = "Fast" }, ImageBuilderErrors.RepairModeCode),
        ["repair items without a mode"] = (r => r with { RepairItems = ["fstab"] }, ImageBuilderErrors.MissingRepairModeCode),
        ["repair items with Standard"] = (r => r with { RepairMode = "Standard", RepairItems = ["fstab"] }, ImageBuilderErrors.ParameterCombinationCode),
        ["Customized without items"] = (r => r with { RepairMode = "Customized" }, ImageBuilderErrors.ParameterCombinationCode),
        ["a Windows repair item for Linux"] = (r => r with { RepairMode = "Customized", RepairItems = ["fstab", "bcd"] }, ImageBuilderErrors.ParameterCombinationCode),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Each_rule_of_a_template_is_refused_with_its_code(string name)
    {
        var (change, code) = Cases[name];

        var error = await CreateErrorAsync(change(Request()));

        Assert.Equal(code, error?.Code);
    }

    [Theory]
    [InlineData("repair items without a mode", 404)]
    [InlineData("unknown base image", 404)]
    [InlineData("unknown component", 404)]
    [InlineData("unknown instance type", 404)]
    [InlineData("a vSwitch", 404)]
    [InlineData("unknown target region", 404)]
    [InlineData("unknown repair mode", 400)]
    public async Task Codes_documented_as_not_found_come_with_404_and_the_others_with_400(string name, int status)
    {
        var error = await CreateErrorAsync(Cases[name].Change(Request()));

        Assert.Equal(status, error?.HttpStatus);
    }

    [Fact]
    public async Task The_first_broken_rule_wins_in_the_documented_order()
    {
        var error = await CreateErrorAsync(Request() with { BaseImage = "m-bp0000000000000000", BuildContent = "DEPLOY", SystemDiskSize = 1, RepairMode = "Fast" });

        Assert.Equal(ImageBuilderErrors.BaseImageNotFoundCode, error?.Code);
    }

    [Fact]
    public async Task A_valid_template_keeps_its_definition_with_the_documented_defaults()
    {
        var template = await CreateAsync(Request() with
        {
            ImageName = "web", ImageFamily = "web-family", ImageDescription = "Web servers", NvmeSupport = "auto",
            ToRegionIds = [Shanghai, Hangzhou, Shanghai], AddAccounts = [DemoWorld.GlobexAccountId], RepairMode = "Customized", RepairItems = ["fstab", "grub"],
            BuildContent = $"RUN apt-get update\nCOMPONENT {SystemBuildComponent}", TestContent = $"COMPONENT {SystemTestComponent}",
        });

        Assert.Equal(BaseImageType.IMAGE, template.BaseImageType);
        Assert.Equal(40, template.SystemDiskSize);
        Assert.Equal(0, template.InternetMaxBandwidthOut);
        Assert.True(template.DeleteInstanceOnFailure);
        Assert.False(template.RetainCloudAssistant);
        Assert.Equal([Shanghai], template.ToRegionIds); // its own region and repeats are dropped (IB-36)
        Assert.Equal([DemoWorld.GlobexAccountId], template.AddAccounts);
        Assert.Equal(["fstab", "grub"], template.RepairItems);
        Assert.Equal([SystemBuildComponent, SystemTestComponent], template.ComponentReferences);
        Assert.Equal($"RUN apt-get update\nCOMPONENT {SystemBuildComponent}", template.BuildContent);
    }

    [Fact]
    public async Task A_template_without_a_name_is_named_by_its_ID()
    {
        var template = await CreateAsync(Request() with { Name = null });

        Assert.StartsWith("ip-", template.Id, StringComparison.Ordinal);
        Assert.Equal(template.Id, template.Name);
    }

    [Fact]
    public async Task A_Windows_template_builds_with_YAML_components()
    {
        var template = await CreateAsync(Request() with { BaseImage = Windows, BuildContent = $"COMPONENT {SystemWindowsComponent}", RepairMode = "Customized", RepairItems = ["bcd"] });

        Assert.Equal(["bcd"], template.RepairItems);
    }

    [Fact]
    public async Task A_template_may_build_from_a_shared_image_but_not_from_another_account_private_image()
    {
        var acmeBase = await ImageIdAsync("acme-base-v1");
        var carol = await _db.ActorAsync(DemoWorld.Carol);

        var unseen = await CreateErrorAsync(Request() with { BaseImage = acmeBase }, carol);
        await _services.Get<SharingService>().ModifyAsync(_alice, Hangzhou, acmeBase, new ModifySharePermissionRequest(AddAccounts: [DemoWorld.GlobexAccountId]));
        var shared = await CreateErrorAsync(Request() with { BaseImage = acmeBase }, carol);

        Assert.Equal(ImageBuilderErrors.BaseImageNotFoundCode, unseen?.Code);
        Assert.Null(shared);
    }

    [Fact]
    public async Task An_image_of_another_region_is_not_found_as_a_base()
    {
        var shanghaiOnly = await ImageIdAsync("initech-build-agent-arm");

        Assert.Equal(ImageBuilderErrors.BaseImageNotFoundCode, (await CreateErrorAsync(Request() with { BaseImage = shanghaiOnly }))?.Code);
    }

    [Fact]
    public async Task A_family_base_needs_no_image_yet_because_it_resolves_when_a_build_starts()
    {
        var template = await CreateAsync(Request() with { BaseImageType = "IMAGE_FAMILY", BaseImage = "acme-empty" });

        Assert.Equal(BaseImageType.IMAGE_FAMILY, template.BaseImageType);
        Assert.Equal("acme-empty", template.BaseImage);
    }

    [Fact]
    public async Task A_public_image_family_may_be_the_base_and_a_build_starts_from_its_image()
    {
        var template = await CreateAsync(Request() with { BaseImageType = "IMAGE_FAMILY", BaseImage = "acs:alibaba_cloud_linux_3_2104_lts_x64" });
        var builds = _services.Get<ImageBuildService>();

        var started = await builds.StartAsync(_alice, Hangzhou, template.Id);

        Assert.True(started.IsSuccess, started.Error?.ToString());
        Assert.Equal("aliyun_3_x64_20G_alibase_20250101.vhd", (await builds.GetAsync(_alice, Hangzhou, started.Value)).Value.BaseImageId);
        Assert.Equal(ImageErrors.FamilyMalformedCode, (await CreateErrorAsync(Request() with { BaseImageType = "IMAGE_FAMILY", BaseImage = "acs:" }))?.Code);
    }

    [Fact]
    public async Task A_component_parameter_without_a_default_needs_a_value_in_the_template()
    {
        var component = await _services.Get<ImageComponentService>().CreateAsync(_alice, new CreateImageComponentRequest
        {
            RegionId = Hangzhou, Name = "open-port",
            Content = "Parameters:\n  port:\n    Type: Number\nTasks:\n  - Name: open\n    Action: RunShellCommand\n    Properties:\n      commandContent: ufw allow {{ port }}\n",
        });
        Assert.True(component.IsSuccess, component.Error?.ToString());

        var missing = await CreateErrorAsync(Request() with { BuildContent = $"COMPONENT {component.Value}" });
        var given = await CreateErrorAsync(Request() with { BuildContent = $"COMPONENT {component.Value} --port 8080" });
        var missingInTest = await CreateErrorAsync(Request() with { TestContent = $"COMPONENT {component.Value}" });

        Assert.Equal(ImageBuilderErrors.BuildContentInvalidCode, missing?.Code);
        Assert.Null(given);
        Assert.Equal(ImageBuilderErrors.ComponentNotSupportedCode, missingInTest?.Code); // a Build component in test content
    }

    [Fact]
    public async Task Another_account_component_cannot_be_referenced()
    {
        var globex = await _services.Get<ImageComponentService>().CreateAsync(await _db.ActorAsync(DemoWorld.Carol),
            new CreateImageComponentRequest { RegionId = Hangzhou, Name = "globex", Content = "RUN echo globex" });

        var error = await CreateErrorAsync(Request() with { BuildContent = $"COMPONENT {globex.Value}" });

        Assert.Equal(ImageBuilderErrors.ReferencedComponentNotFoundCode, error?.Code);
    }

    private async Task<string> MarketplaceImageAsync()
    {
        await using var db = _db.NewContext();
        return await db.Images.Where(i => i.RegionId == Hangzhou && i.Kind == ImageKind.Marketplace && i.OsType == OsType.Linux)
            .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
    }

    [Fact]
    public async Task A_Marketplace_base_image_builds_but_cannot_be_distributed_or_repaired()
    {
        var marketplace = await MarketplaceImageAsync();

        var alone = await CreateErrorAsync(Request() with { BaseImage = marketplace });
        var toRegions = await CreateErrorAsync(Request() with { BaseImage = marketplace, ToRegionIds = [Shanghai] });
        var toAccounts = await CreateErrorAsync(Request() with { BaseImage = marketplace, AddAccounts = [DemoWorld.GlobexAccountId] });
        var repaired = await CreateErrorAsync(Request() with { BaseImage = marketplace, RepairMode = "Standard" });

        Assert.Null(alone);
        Assert.Equal(ImageBuilderErrors.OwnerAliasUnsupportedCode, toRegions?.Code);
        Assert.Equal(ImageBuilderErrors.OwnerAliasUnsupportedCode, toAccounts?.Code);
        Assert.Equal(ImageBuilderErrors.NotSupportRepairCode, repaired?.Code);
    }

    [Fact]
    public async Task With_the_suffix_disabled_the_image_name_must_be_free_in_the_region()
    {
        var taken = await CreateErrorAsync(Request() with { ImageName = "acme-base-v1", ImageNameSuffix = "disable" });
        var free = await CreateErrorAsync(Request() with { ImageName = "acme-base-v2", ImageNameSuffix = "disable" });
        var suffixed = await CreateErrorAsync(Request() with { ImageName = "acme-base-v1" });

        Assert.Equal(ImageErrors.NameDuplicatedCode, taken?.Code);
        Assert.Null(free);
        Assert.Null(suffixed); // with the suffix, the name is {prefix}_{ExecutionId}
    }

    [Fact]
    public async Task The_template_quota_of_the_region_stops_the_next_template()
    {
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.ImagePipelineCount, Limit = 1 });
            await db.SaveChangesAsync();
        }

        var first = await CreateErrorAsync(Request());
        var second = await CreateErrorAsync(Request());

        Assert.Null(first);
        Assert.Equal(ImageBuilderErrors.PipelineQuotaCode, second?.Code);
    }

    [Theory]
    [InlineData(DemoWorld.Bob)]
    [InlineData(DemoWorld.Root)]
    public async Task A_read_only_member_or_the_platform_admin_cannot_create_a_template(string email)
    {
        Assert.Equal(CommonErrors.ForbiddenCode, (await CreateErrorAsync(Request(), await _db.ActorAsync(email)))?.Code);
    }

    // ---- DescribeImagePipelines ----

    private async Task<TokenPage<ImagePipeline>> ListAsync(ImagePipelineQuery query, Actor? actor = null)
    {
        var listed = await Pipelines.ListAsync(actor ?? _alice, query);
        Assert.True(listed.IsSuccess, listed.Error?.ToString());
        return listed.Value;
    }

    [Fact]
    public async Task The_list_holds_the_account_templates_of_the_region_newest_first()
    {
        var older = await CreateAsync(Request() with { Name = "older" });
        var newer = await CreateAsync(Request() with { Name = "newer" });
        await CreateAsync(Request() with { RegionId = Shanghai, Name = "shanghai" });
        await CreateAsync(Request() with { Name = "globex" }, await _db.ActorAsync(DemoWorld.Carol));

        var page = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou });
        var bobs = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou }, await _db.ActorAsync(DemoWorld.Bob));

        Assert.Equal([newer.Id, older.Id], page.Items.Select(p => p.Id));
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(page.Items.Select(p => p.Id), bobs.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task The_list_filters_by_name_ID_and_tag()
    {
        var web = await CreateAsync(Request() with { Name = "web", Tags = [new BuilderTag("team", "web")] });
        var db = await CreateAsync(Request() with { Name = "db" });

        var byName = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou, Name = "web" });
        var byId = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou, ImagePipelineIds = [db.Id] });
        var byTag = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou, Tags = [new BuilderTag("team", "")] });

        Assert.Equal(web.Id, Assert.Single(byName.Items).Id);
        Assert.Equal(db.Id, Assert.Single(byId.Items).Id);
        Assert.Equal(web.Id, Assert.Single(byTag.Items).Id);
    }

    [Fact]
    public async Task The_list_pages_with_next_token()
    {
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(Request() with { Name = $"t{i}" });
        }

        var first = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou, MaxResults = 2 });
        var second = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou, MaxResults = 2, NextToken = first.NextToken });
        var last = await ListAsync(new ImagePipelineQuery { RegionId = Hangzhou, MaxResults = 2, NextToken = second.NextToken });

        Assert.Equal(["t4", "t3"], first.Items.Select(p => p.Name));
        Assert.Equal(["t2", "t1"], second.Items.Select(p => p.Name));
        Assert.Equal(["t0"], last.Items.Select(p => p.Name));
        Assert.Equal("", last.NextToken);
        Assert.All(new[] { first, second, last }, p => Assert.Equal(5, p.TotalCount));
    }

    [Fact]
    public async Task Bad_list_filters_get_their_codes()
    {
        var ids = await Pipelines.ListAsync(_alice, new ImagePipelineQuery { RegionId = Hangzhou, ImagePipelineIds = Many(21, i => $"ip-bp{i:D18}") });
        var name = await Pipelines.ListAsync(_alice, new ImagePipelineQuery { RegionId = Hangzhou, Name = "http://web" });
        var token = await Pipelines.ListAsync(_alice, new ImagePipelineQuery { RegionId = Hangzhou, NextToken = "nope" });
        var size = await Pipelines.ListAsync(_alice, new ImagePipelineQuery { RegionId = Hangzhou, MaxResults = 501 });

        Assert.Equal(ImageBuilderErrors.PipelineIdSizeCode, ids.Error?.Code);
        Assert.Equal(ImageBuilderErrors.NameMalformedCode, name.Error?.Code);
        Assert.Equal(ImageBuilderErrors.NextTokenCode, token.Error?.Code);
        Assert.Equal(403, token.Error?.HttpStatus);
        Assert.Equal(CommonErrors.InvalidParameterCode, size.Error?.Code);
    }

    // ---- DeleteImagePipeline ----

    [Fact]
    public async Task Deleting_an_unknown_template_is_not_found_with_404()
    {
        var deleted = await Pipelines.DeleteAsync(_alice, Hangzhou, "ip-bp000000000000000000");

        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, deleted.Error?.Code);
        Assert.Equal(404, deleted.Error?.HttpStatus);
    }

    [Fact]
    public async Task Another_account_template_and_a_template_of_another_region_are_not_found()
    {
        var template = await CreateAsync(Request());

        var byCarol = await Pipelines.DeleteAsync(await _db.ActorAsync(DemoWorld.Carol), Hangzhou, template.Id);
        var elsewhere = await Pipelines.DeleteAsync(_alice, Shanghai, template.Id);

        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, byCarol.Error?.Code);
        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode, elsewhere.Error?.Code);
        Assert.True((await Pipelines.GetAsync(_alice, Hangzhou, template.Id)).IsSuccess);
    }

    [Fact]
    public async Task A_read_only_member_cannot_delete_a_template()
    {
        var template = await CreateAsync(Request());

        var deleted = await Pipelines.DeleteAsync(await _db.ActorAsync(DemoWorld.Bob), Hangzhou, template.Id);

        Assert.Equal(CommonErrors.ForbiddenCode, deleted.Error?.Code);
    }

    [Fact]
    public async Task Deleting_a_template_removes_its_builds_but_keeps_the_images_they_made()
    {
        var template = await CreateAsync(Request() with { ImageName = "web" });
        var builds = _services.Get<ImageBuildService>();
        var started = await builds.StartAsync(_alice, Hangzhou, template.Id);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        await _services.RunUntilAsync(async () => BuildStatuses.IsFinal((await builds.GetAsync(_alice, Hangzhou, started.Value)).Value.Status));
        var execution = (await builds.GetAsync(_alice, Hangzhou, started.Value)).Value;
        Assert.Equal(BuildStatus.SUCCESS, execution.Status);

        var deleted = await Pipelines.DeleteAsync(_alice, Hangzhou, template.Id);

        Assert.True(deleted.IsSuccess, deleted.Error?.ToString());
        Assert.Equal(ImageBuilderErrors.ExecutionNotFoundCode, (await builds.GetAsync(_alice, Hangzhou, started.Value)).Error?.Code);
        Assert.Equal(ImageBuilderErrors.PipelineNotFoundCode,
            (await builds.ListAsync(_alice, new ImageBuildQuery { RegionId = Hangzhou, ImagePipelineId = template.Id })).Error?.Code);
        await using var db = _db.NewContext();
        Assert.False(await db.ImagePipelineExecutions.AnyAsync(e => e.PipelineId == template.Id));
        Assert.Equal(ImageStatus.Available, (await db.Images.SingleAsync(i => i.Id == execution.ImageId)).Status);
    }
}
