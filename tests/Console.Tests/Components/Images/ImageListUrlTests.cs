using EcsConsole.Domain.Images;
using EcsConsole.Web.Components.Pages.Images;

namespace EcsConsole.Tests.Components.Images;

/// <summary>The images page's URL state: round trips, and nonsense normalised with a notice instead of an error.</summary>
public sealed class ImageListUrlTests
{
    private static ImageListUrl Parse(string query) => ImageListUrl.Parse("http://localhost/images?" + query);

    [Fact]
    public void Parse_AnEmptyQuery_GivesTheDefaults()
    {
        // Act
        var state = Parse("region=cn-hangzhou");

        // Assert
        Assert.Equal((ImageTab.Custom, 1, 10, ImageSort.CreatedDesc, (string?)null), (state.Tab, state.Page, state.PageSize, state.Sort, state.Search));
        Assert.Empty(state.Notices);
        Assert.False(state.HasFilters);
    }

    [Fact]
    public void ToUrl_ThenParse_KeepsEveryPartOfTheState()
    {
        // Arrange
        var state = new ImageListUrl
        {
            Tab = ImageTab.Public, SearchBy = ImageSearchField.ImageId, Search = "50%_off 'x'", Statuses = [ImageStatus.Available, ImageStatus.Deprecated],
            OsType = OsType.Windows, Architecture = ImageArchitecture.Arm64, Family = "web", Tag = "env=prod", Sort = ImageSort.NameDesc, Page = 3, PageSize = 50,
        };

        // Act
        var url = state.ToUrl("cn-beijing");
        var back = ImageListUrl.Parse("http://localhost/" + url);

        // Assert
        Assert.StartsWith("images?region=cn-beijing&tab=public", url);
        Assert.Equal(state with { Notices = [] }, back with { Notices = [], Statuses = state.Statuses });
        Assert.Equal(state.Statuses, back.Statuses);
        Assert.Empty(back.Notices);
    }

    [Theory]
    [InlineData("tab=bogus", "tab")]
    [InlineData("page=-1", "Page")]
    [InlineData("page=abc", "Page")]
    [InlineData("pageSize=1000", "Page size")]
    [InlineData("pageSize=0", "Page size")]
    [InlineData("sort=random", "sort")]
    [InlineData("status=Sleeping", "status")]
    [InlineData("os=beos", "OS type")]
    [InlineData("arch=mips", "architecture")]
    [InlineData("searchBy=colour", "search by")]
    public void Parse_Nonsense_IsNormalisedAndSaid(string query, string mentioned)
    {
        // Act
        var state = Parse(query);

        // Assert
        var notice = Assert.Single(state.Notices);
        Assert.Contains(mentioned, notice, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(state.Page, 1, int.MaxValue);
        Assert.Contains(state.PageSize, ImageListUrl.PageSizes);
        var query2 = state.ToQuery("cn-hangzhou");
        Assert.InRange(query2.PageSize, 1, ImageListQuery.MaxPageSize);
    }

    [Theory]
    [InlineData(1000, 100)]
    [InlineData(15, 20)]
    [InlineData(100, 100)]
    public void Parse_APageSizeNotOffered_TakesTheNextOfferedOneUpTo100(int asked, int expected)
    {
        // Act
        var state = Parse($"pageSize={asked}");

        // Assert
        Assert.Equal(expected, state.PageSize);
    }

    [Fact]
    public void ToQuery_SplitsATagIntoKeyAndValue_AndDropsTheFamilyOutsideCustom()
    {
        // Act
        var custom = Parse("tag=env%3Dprod&family=web").ToQuery("cn-hangzhou");
        var keyOnly = Parse("tab=public&tag=env&family=web").ToQuery("cn-hangzhou");

        // Assert
        Assert.Equal(("env", "prod", "web"), (custom.TagKey, custom.TagValue, custom.Family));
        Assert.Equal(("env", (string?)null, (string?)null), (keyOnly.TagKey, keyOnly.TagValue, keyOnly.Family));
    }

    [Fact]
    public void Parse_StatusAll_SelectsEveryStatus()
    {
        // Act
        var state = Parse("status=all");

        // Assert
        Assert.Equal(Enum.GetValues<ImageStatus>().Length, state.Statuses!.Count);
    }
}
