using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Quotas;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Tests.Domain.ImageBuilder;

/// <summary>Image components (IB-10…18): create a version, list own and system components, delete one version.</summary>
public sealed class ImageComponentServiceTests : IAsyncLifetime
{
    private const string Hangzhou = "cn-hangzhou";
    private const string Shanghai = "cn-shanghai";
    private const string Ubuntu = "ubuntu_22_04_x64_20G_alibase_20240130.vhd";
    private const string SystemBuildComponent = "ic-aliyun00000000000001";
    private const int SystemComponentCount = 5;
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

    private ImageComponentService Components => _services.Get<ImageComponentService>();

    private ImagePipelineService Pipelines => _services.Get<ImagePipelineService>();

    private static CreateImageComponentRequest Request(string? name = "web", string? version = null, string content = "RUN apt-get install -y nginx") =>
        new() { RegionId = Hangzhou, Name = name, ComponentVersion = version, Content = content };

    /// <summary>Creates a component a second after the previous one, so that the newest-first order is known.</summary>
    private async Task<ImageComponent> CreateAsync(CreateImageComponentRequest request, Actor? actor = null)
    {
        _db.Time.Advance(TimeSpan.FromSeconds(1));
        var created = await Components.CreateAsync(actor ?? _alice, request);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return (await Components.GetAsync(actor ?? _alice, request.RegionId, created.Value)).Value;
    }

    private async Task<string?> CreateCodeAsync(CreateImageComponentRequest request, Actor? actor = null) =>
        (await Components.CreateAsync(actor ?? _alice, request)).Error?.Code;

    private async Task<string> TemplateUsingAsync(string buildContent)
    {
        var created = await Pipelines.CreateAsync(_alice, new CreateImagePipelineRequest
        {
            RegionId = Hangzhou, BaseImageType = "IMAGE", BaseImage = Ubuntu, BuildContent = buildContent, InstanceType = "ecs.g7.large",
        });
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private async Task<TokenPage<ImageComponent>> ListAsync(ImageComponentQuery query, Actor? actor = null)
    {
        var listed = await Components.ListAsync(actor ?? _alice, query);
        Assert.True(listed.IsSuccess, listed.Error?.ToString());
        return listed.Value;
    }

    // ---- CreateImageComponent ----

    [Fact]
    public async Task A_component_created_without_name_or_version_is_named_by_its_ID_and_is_version_1_0_0_of_a_Linux_build_component()
    {
        var component = await CreateAsync(Request(name: null));

        Assert.StartsWith("ic-", component.Id, StringComparison.Ordinal);
        Assert.Equal(component.Id, component.Name);
        Assert.Equal("1.0.0", component.Version);
        Assert.Equal(ComponentType.Build, component.ComponentType);
        Assert.Equal(BuildSystemType.Linux, component.SystemType);
        Assert.Equal("SELF", component.Owner);
    }

    [Fact]
    public async Task Each_new_version_of_a_name_without_a_version_is_the_next_major_and_a_new_component()
    {
        var first = await CreateAsync(Request());
        var second = await CreateAsync(Request());
        var explicitVersion = await CreateAsync(Request(version: "2.5.1"));
        var next = await CreateAsync(Request());

        Assert.Equal(["1.0.0", "2.0.0", "2.5.1", "3.0.0"], new[] { first, second, explicitVersion, next }.Select(c => c.Version));
        Assert.Equal(4, new[] { first.Id, second.Id, explicitVersion.Id, next.Id }.Distinct().Count());
    }

    [Fact]
    public async Task An_explicit_version_is_kept_with_its_parts()
    {
        var component = await CreateAsync(Request(version: "1.20.3") with { ComponentType = "Test", SystemType = "Linux", Description = "Checks the web stack" });

        Assert.Equal("1.20.3", component.Version);
        Assert.Equal((1, 20, 3), (component.Major, component.Minor, component.Patch));
        Assert.Equal(ComponentType.Test, component.ComponentType);
        Assert.Equal("Checks the web stack", component.Description);
    }

    [Fact]
    public async Task A_YAML_component_keeps_its_parameters()
    {
        var component = await CreateAsync(Request(content: "Parameters:\n  port:\n    Type: Number\n    DefaultValue: 80\nTasks:\n  - Name: open\n    Action: RunShellCommand\n    Properties:\n      commandContent: ufw allow {{ port }}\n"));

        Assert.Equal([new ComponentParameter("port", "Number", "80")], component.Parameters);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("a.b.c")]
    [InlineData("v1.0.0")]
    [InlineData("1.-1.0")]
    [InlineData("1..0")]
    [InlineData("1.0.*")]
    [InlineData(" 1.0.0")]
    public async Task A_version_that_is_not_three_non_negative_integers_is_invalid(string version)
    {
        Assert.Equal(ImageBuilderErrors.ComponentVersionCode, await CreateCodeAsync(Request(version: version)));
    }

    [Fact]
    public async Task A_name_and_version_that_exist_are_refused_with_403()
    {
        await CreateAsync(Request(version: "1.0.0"));

        var again = await Components.CreateAsync(_alice, Request(version: "1.0.0"));

        Assert.Equal(ImageBuilderErrors.ComponentVersionExistCode, again.Error?.Code);
        Assert.Equal(403, again.Error?.HttpStatus);
    }

    [Fact]
    public async Task The_same_name_and_version_may_exist_in_another_region_and_another_account()
    {
        await CreateAsync(Request(version: "1.0.0"));

        Assert.Null(await CreateCodeAsync(Request(version: "1.0.0") with { RegionId = Shanghai }));
        Assert.Null(await CreateCodeAsync(Request(version: "1.0.0"), await _db.ActorAsync(DemoWorld.Carol)));
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("Unix")]
    [InlineData("1")]
    [InlineData("Linux,Windows")]
    public async Task A_system_type_other_than_Linux_or_Windows_is_not_supported(string systemType)
    {
        Assert.Equal(ImageBuilderErrors.SystemTypeCode, await CreateCodeAsync(Request() with { SystemType = systemType }));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("Deploy")]
    [InlineData("0")]
    [InlineData("Build,Test")]
    public async Task A_component_type_other_than_Build_or_Test_is_not_supported(string componentType)
    {
        Assert.Equal(ImageBuilderErrors.ComponentTypeCode, await CreateCodeAsync(Request() with { ComponentType = componentType }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task A_component_without_content_is_missing_its_content(string? content)
    {
        Assert.Equal(ImageBuilderErrors.MissingContentCode, await CreateCodeAsync(Request() with { Content = content }));
    }

    [Theory]
    [InlineData("FROM IMAGE:ubuntu_22_04_x64_20G_alibase_20240130.vhd", "Linux", ImageBuilderErrors.FromInComponentCode)]
    [InlineData("COMPONENT ic-aliyun00000000000001", "Linux", ImageBuilderErrors.ComponentCommandCode)]
    [InlineData("RUN echo hello", "Windows", ImageBuilderErrors.ContentInvalidCode)]
    [InlineData("DEPLOY it", "Linux", ImageBuilderErrors.UnknownCommandCode)]
    public async Task The_content_rules_apply_to_a_component(string content, string systemType, string code)
    {
        Assert.Equal(code, await CreateCodeAsync(Request(content: content) with { SystemType = systemType }));
    }

    [Fact]
    public async Task Content_over_16_KB_is_too_long()
    {
        Assert.Equal(ImageBuilderErrors.ContentLengthCode, await CreateCodeAsync(Request(content: "RUN echo " + new string('a', 16 * 1024))));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("1web")]
    [InlineData("-web")]
    [InlineData("http://web")]
    [InlineData("web server")]
    [InlineData("web/1")]
    public async Task A_malformed_name_is_refused(string name)
    {
        Assert.Equal(ImageBuilderErrors.NameMalformedCode, await CreateCodeAsync(Request(name: name)));
    }

    [Fact]
    public async Task A_name_over_128_characters_is_malformed_and_one_of_128_is_fine()
    {
        Assert.Equal(ImageBuilderErrors.NameMalformedCode, await CreateCodeAsync(Request(name: "w" + new string('a', 128))));
        Assert.Null(await CreateCodeAsync(Request(name: "w" + new string('a', 127))));
    }

    [Theory]
    [InlineData("web:server_1.0-a")]
    [InlineData("网站组件")]
    public async Task Names_may_hold_colons_underscores_periods_hyphens_and_Chinese_characters(string name)
    {
        Assert.Null(await CreateCodeAsync(Request(name: name)));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("https://example.com/component")]
    public async Task A_malformed_description_is_refused(string description)
    {
        Assert.Equal(ImageBuilderErrors.DescriptionMalformedCode, await CreateCodeAsync(Request() with { Description = description }));
    }

    [Fact]
    public async Task A_description_over_256_characters_is_malformed()
    {
        Assert.Equal(ImageBuilderErrors.DescriptionMalformedCode, await CreateCodeAsync(Request() with { Description = new string('d', 257) }));
    }

    public static TheoryData<string, string> BadTags => new()
    {
        { "|v", ImageErrors.TagKeyMalformedCode },
        { "aliyun-team|v", ImageErrors.TagKeyMalformedCode },
        { "acs:team|v", ImageErrors.TagKeyMalformedCode },
        { "team|acs:web", ImageErrors.TagValueMalformedCode },
        { "team|a,team|b", ImageErrors.TagKeyDuplicateCode },
    };

    [Theory]
    [MemberData(nameof(BadTags))]
    public async Task Tags_follow_the_tag_rules(string tags, string code)
    {
        var list = tags.Split(',').Select(t => t.Split('|')).Select(p => new BuilderTag(p[0], p[1])).ToList();

        Assert.Equal(code, await CreateCodeAsync(Request() with { Tags = list }));
    }

    [Fact]
    public async Task More_than_20_tags_are_refused()
    {
        var tags = Enumerable.Range(1, 21).Select(i => new BuilderTag($"k{i}", "v")).ToList();

        Assert.Equal(ImageErrors.TagQuotaCode, await CreateCodeAsync(Request() with { Tags = tags }));
    }

    [Fact]
    public async Task An_unknown_region_is_not_found()
    {
        Assert.Equal(CommonErrors.InvalidRegionIdNotFoundCode, await CreateCodeAsync(Request() with { RegionId = "cn-atlantis" }));
    }

    [Fact]
    public async Task The_component_quota_of_the_region_stops_the_next_component()
    {
        await using (var db = _db.NewContext())
        {
            db.Quotas.Add(new Quota { AccountId = DemoWorld.AcmeAccountId, RegionId = Hangzhou, Name = QuotaCatalogue.ImageComponentCount, Limit = 1 });
            await db.SaveChangesAsync();
        }

        var first = await CreateCodeAsync(Request());
        var second = await CreateCodeAsync(Request());
        var elsewhere = await CreateCodeAsync(Request() with { RegionId = Shanghai });

        Assert.Null(first);
        Assert.Equal(ImageBuilderErrors.ComponentQuotaCode, second);
        Assert.Null(elsewhere);
    }

    [Theory]
    [InlineData(DemoWorld.Bob)]
    [InlineData(DemoWorld.Root)]
    public async Task A_read_only_member_or_the_platform_admin_cannot_create_a_component(string email)
    {
        Assert.Equal(CommonErrors.ForbiddenCode, await CreateCodeAsync(Request(), await _db.ActorAsync(email)));
    }

    [Fact]
    public async Task Creating_is_audited_with_the_outcome()
    {
        var created = await CreateAsync(Request());
        await CreateCodeAsync(Request(version: "x"));

        await using var db = _db.NewContext();
        var entries = await db.AuditEntries.Where(a => a.Action == "CreateImageComponent").ToListAsync();
        Assert.Contains(entries, e => e.ResourceId == created.Id && e.ErrorCode == null && e.UserId == _alice.UserId);
        Assert.Contains(entries, e => e.ErrorCode == ImageBuilderErrors.ComponentVersionCode);
    }

    // ---- DescribeImageComponents ----

    [Fact]
    public async Task The_list_holds_the_account_components_of_the_region_and_the_system_components()
    {
        var own = await CreateAsync(Request());
        await CreateAsync(Request(name: "elsewhere") with { RegionId = Shanghai });
        await CreateAsync(Request(name: "globex"), await _db.ActorAsync(DemoWorld.Carol));

        var page = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou });

        Assert.Equal(1 + SystemComponentCount, page.TotalCount);
        Assert.Equal(own.Id, page.Items[0].Id);
        Assert.Equal(SystemComponentCount, page.Items.Count(c => c.Owner == "ALIYUN"));
        Assert.DoesNotContain(page.Items, c => c.Name is "elsewhere" or "globex");
    }

    [Fact]
    public async Task The_list_filters_by_name_version_pattern_owner_type_and_system()
    {
        var v1 = await CreateAsync(Request(version: "1.0.0"));
        var v11 = await CreateAsync(Request(version: "1.1.0"));
        var v2 = await CreateAsync(Request(version: "2.0.0"));
        var test = await CreateAsync(Request(name: "web-check") with { ComponentType = "Test" });

        var byName = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, Name = "web" });
        var byPattern = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, Name = "web", ComponentVersion = "1.*.0" });
        var patternWithoutName = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, ComponentVersion = "1.1.*" });
        var self = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, Owner = "SELF" });
        var aliyun = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, Owner = "ALIYUN" });
        var tests = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, ComponentType = "Test" });
        var windows = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, SystemType = "Windows" });
        var byIds = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, ImageComponentIds = [v1.Id, SystemBuildComponent] });

        Assert.Equal([v2.Id, v11.Id, v1.Id], byName.Items.Select(c => c.Id));
        Assert.Equal([v11.Id, v1.Id], byPattern.Items.Select(c => c.Id));
        Assert.Equal(4 + SystemComponentCount, patternWithoutName.TotalCount); // the version applies only with a name
        Assert.Equal(4, self.TotalCount);
        Assert.All(aliyun.Items, c => Assert.Equal("ALIYUN", c.Owner));
        Assert.Equal(SystemComponentCount, aliyun.TotalCount);
        Assert.Contains(tests.Items, c => c.Id == test.Id);
        Assert.All(tests.Items, c => Assert.Equal(ComponentType.Test, c.ComponentType));
        Assert.NotEmpty(windows.Items);
        Assert.All(windows.Items, c => Assert.Equal(BuildSystemType.Windows, c.SystemType));
        Assert.Equal([v1.Id, SystemBuildComponent], byIds.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task The_list_filters_by_tag()
    {
        var tagged = await CreateAsync(Request() with { Tags = [new BuilderTag("team", "web")] });
        await CreateAsync(Request(name: "other"));

        var page = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, Tags = [new BuilderTag("team", "web")] });

        Assert.Equal(tagged.Id, Assert.Single(page.Items).Id);
    }

    [Theory]
    [InlineData("self")]
    [InlineData("OTHERS")]
    public async Task An_owner_other_than_SELF_or_ALIYUN_is_invalid(string owner)
    {
        var listed = await Components.ListAsync(_alice, new ImageComponentQuery { RegionId = Hangzhou, Owner = owner });

        Assert.Equal(ImageBuilderErrors.OwnerCode, listed.Error?.Code);
    }

    public static TheoryData<string, string> BadListFilters => new()
    {
        { "ComponentType=build", ImageBuilderErrors.ComponentTypeCode },
        { "ComponentType=1", ImageBuilderErrors.ComponentTypeCode },
        { "SystemType=Unix", ImageBuilderErrors.SystemTypeCode },
        { "SystemType=0", ImageBuilderErrors.SystemTypeCode },
        { "ComponentVersion=1.*", ImageBuilderErrors.ComponentVersionCode },
        { "ComponentVersion=*.*.1", ImageBuilderErrors.ComponentVersionCode },
        { "MaxResults=0", CommonErrors.InvalidParameterCode },
        { "MaxResults=501", CommonErrors.InvalidParameterCode },
        { "NextToken=not-a-token", ImageBuilderErrors.NextTokenCode },
    };

    [Theory]
    [MemberData(nameof(BadListFilters))]
    public async Task A_bad_list_filter_gets_its_code(string filter, string code)
    {
        var (name, value) = (filter.Split('=')[0], filter.Split('=')[1]);
        var query = new ImageComponentQuery { RegionId = Hangzhou, Name = "web" };
        query = name switch
        {
            "ComponentType" => query with { ComponentType = value },
            "SystemType" => query with { SystemType = value },
            "ComponentVersion" => query with { ComponentVersion = value },
            "MaxResults" => query with { MaxResults = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => query with { NextToken = value },
        };

        var listed = await Components.ListAsync(_alice, query);

        Assert.Equal(code, listed.Error?.Code);
    }

    [Fact]
    public async Task A_bad_next_token_is_refused_with_403()
    {
        var listed = await Components.ListAsync(_alice, new ImageComponentQuery { RegionId = Hangzhou, NextToken = "bm90LW91cnM" });

        Assert.Equal(ImageBuilderErrors.NextTokenCode, listed.Error?.Code);
        Assert.Equal(403, listed.Error?.HttpStatus);
    }

    [Fact]
    public async Task More_than_20_component_IDs_are_refused()
    {
        var ids = Enumerable.Range(1, 21).Select(i => $"ic-bp{i:D18}").ToList();

        var listed = await Components.ListAsync(_alice, new ImageComponentQuery { RegionId = Hangzhou, ImageComponentIds = ids });

        Assert.Equal(ImageBuilderErrors.ComponentIdSizeCode, listed.Error?.Code);
    }

    [Fact]
    public async Task The_list_pages_with_max_results_and_next_token_until_the_token_is_empty()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(Request());
        }

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, MaxResults = 3, NextToken = token });
            Assert.Equal(3 + SystemComponentCount, page.TotalCount);
            Assert.Equal(3, page.MaxResults);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(c => c.Id));
            token = page.NextToken;
            pages++;
        }
        while (token != "" && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(3 + SystemComponentCount, seen.Distinct().Count());
    }

    [Fact]
    public async Task Without_max_results_a_page_holds_50()
    {
        var page = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou });

        Assert.Equal(50, page.MaxResults);
        Assert.Equal("", page.NextToken);
    }

    // ---- DeleteImageComponent ----

    [Fact]
    public async Task An_unused_component_is_deleted()
    {
        var component = await CreateAsync(Request());

        var deleted = await Components.DeleteAsync(_alice, Hangzhou, component.Id);

        Assert.True(deleted.IsSuccess, deleted.Error?.ToString());
        Assert.Equal(ImageBuilderErrors.ComponentNotFoundCode, (await Components.GetAsync(_alice, Hangzhou, component.Id)).Error?.Code);
    }

    [Fact]
    public async Task Deleting_an_unknown_component_is_not_found_with_404()
    {
        var deleted = await Components.DeleteAsync(_alice, Hangzhou, "ic-bp000000000000000000");

        Assert.Equal(ImageBuilderErrors.ComponentNotFoundCode, deleted.Error?.Code);
        Assert.Equal(404, deleted.Error?.HttpStatus);
    }

    [Fact]
    public async Task A_component_a_template_uses_by_ID_cannot_be_deleted_until_the_template_is()
    {
        var component = await CreateAsync(Request());
        var template = await TemplateUsingAsync($"RUN echo first\nCOMPONENT {component.Id}");

        var refused = await Components.DeleteAsync(_alice, Hangzhou, component.Id);
        await Pipelines.DeleteAsync(_alice, Hangzhou, template);
        var allowed = await Components.DeleteAsync(_alice, Hangzhou, component.Id);

        Assert.Equal(ImageBuilderErrors.ComponentInUseCode, refused.Error?.Code);
        Assert.Equal(403, refused.Error?.HttpStatus);
        Assert.True(allowed.IsSuccess, allowed.Error?.ToString());
    }

    [Fact]
    public async Task A_component_a_template_uses_by_ARN_with_a_wildcard_version_cannot_be_deleted_but_another_major_can()
    {
        var v1 = await CreateAsync(Request(version: "1.2.0"));
        var v2 = await CreateAsync(Request(version: "2.0.0"));
        await TemplateUsingAsync($"COMPONENT acs:ecs:cn-hangzhou:{DemoWorld.AcmeAccountId}:imagecomponent/web/1.*.*");

        var refused = await Components.DeleteAsync(_alice, Hangzhou, v1.Id);
        var allowed = await Components.DeleteAsync(_alice, Hangzhou, v2.Id);

        Assert.Equal(ImageBuilderErrors.ComponentInUseCode, refused.Error?.Code);
        Assert.True(allowed.IsSuccess, allowed.Error?.ToString());
    }

    [Theory]
    [InlineData("COMPONENT {0} \\\n    --port 80")]
    [InlineData("COMPONENT {0}\\\n--port 80")]
    [InlineData("COMPONENT {0}\t--port\t80")]
    public async Task A_component_used_on_a_continued_or_tab_separated_line_cannot_be_deleted(string line)
    {
        var component = await CreateAsync(Request());
        await TemplateUsingAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, line, component.Id));

        var refused = await Components.DeleteAsync(_alice, Hangzhou, component.Id);

        Assert.Equal(ImageBuilderErrors.ComponentInUseCode, refused.Error?.Code);
    }

    [Fact]
    public async Task A_component_a_template_uses_in_its_test_content_cannot_be_deleted()
    {
        var test = await CreateAsync(Request(name: "web-check") with { ComponentType = "Test" });
        var created = await Pipelines.CreateAsync(_alice, new CreateImagePipelineRequest
        {
            RegionId = Hangzhou, BaseImageType = "IMAGE", BaseImage = Ubuntu, TestContent = $"COMPONENT {test.Id}", InstanceType = "ecs.g7.large",
        });
        Assert.True(created.IsSuccess, created.Error?.ToString());

        var refused = await Components.DeleteAsync(_alice, Hangzhou, test.Id);

        Assert.Equal(ImageBuilderErrors.ComponentInUseCode, refused.Error?.Code);
    }

    [Fact]
    public async Task A_system_component_cannot_be_deleted()
    {
        var deleted = await Components.DeleteAsync(_alice, Hangzhou, SystemBuildComponent);

        Assert.Equal(CommonErrors.ForbiddenCode, deleted.Error?.Code);
    }

    [Fact]
    public async Task Another_account_component_is_not_found()
    {
        var globex = await CreateAsync(Request(), await _db.ActorAsync(DemoWorld.Carol));

        var deleted = await Components.DeleteAsync(_alice, Hangzhou, globex.Id);

        Assert.Equal(ImageBuilderErrors.ComponentNotFoundCode, deleted.Error?.Code);
        Assert.Equal(ImageBuilderErrors.ComponentNotFoundCode, (await Components.GetAsync(_alice, Hangzhou, globex.Id)).Error?.Code);
    }

    [Fact]
    public async Task A_component_used_in_another_region_is_not_found()
    {
        var component = await CreateAsync(Request());

        var deleted = await Components.DeleteAsync(_alice, Shanghai, component.Id);

        Assert.Equal(ImageBuilderErrors.ComponentNotFoundCode, deleted.Error?.Code);
        Assert.True((await Components.GetAsync(_alice, Hangzhou, component.Id)).IsSuccess);
    }

    [Fact]
    public async Task A_read_only_member_cannot_delete_but_can_list()
    {
        var component = await CreateAsync(Request());
        var bob = await _db.ActorAsync(DemoWorld.Bob);

        var deleted = await Components.DeleteAsync(bob, Hangzhou, component.Id);
        var listed = await ListAsync(new ImageComponentQuery { RegionId = Hangzhou, Owner = "SELF" }, bob);

        Assert.Equal(CommonErrors.ForbiddenCode, deleted.Error?.Code);
        Assert.Equal(component.Id, Assert.Single(listed.Items).Id);
    }
}
