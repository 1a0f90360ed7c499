using EcsConsole.Domain.Images;

namespace EcsConsole.Tests.Domain.Images;

/// <summary>
/// The shape rules of domain-rules §2 for images, one row per case, each naming its rule. A null expected code
/// means the value is accepted.
/// </summary>
public sealed class ImageValidationTests
{
    private const string NameCode = ImageErrors.NameMalformedCode;
    private const string DescriptionCode = ImageErrors.DescriptionMalformedCode;
    private const string FamilyCode = ImageErrors.FamilyMalformedCode;

    private static string Repeat(char c, int count) => new(c, count);

    [Theory]
    [InlineData("VAL-NAME-05", null, null)]
    [InlineData("VAL-NAME-05", "", null)]
    [InlineData("VAL-NAME-01", "a", NameCode)]
    [InlineData("VAL-NAME-01", "ab", null)]
    [InlineData("VAL-NAME-01", "中", NameCode)]
    [InlineData("VAL-NAME-02", "中文镜像", null)]
    [InlineData("VAL-NAME-02", "Ubuntu-22.04", null)]
    [InlineData("VAL-NAME-02", "1abc", NameCode)]
    [InlineData("VAL-NAME-02", "-abc", NameCode)]
    [InlineData("VAL-NAME-02", "_abc", NameCode)]
    [InlineData("VAL-NAME-02", ".abc", NameCode)]
    [InlineData("VAL-NAME-02", ":abc", NameCode)]
    [InlineData("VAL-NAME-02", " abc", NameCode)]
    [InlineData("VAL-NAME-02", "   ", NameCode)]
    [InlineData("VAL-NAME-02", "éclair", NameCode)]
    [InlineData("VAL-NAME-03", "a.b:c_d-e9", null)]
    [InlineData("VAL-NAME-03", "镜像-v1.0:beta_2", null)]
    [InlineData("VAL-NAME-03", "web base", NameCode)]
    [InlineData("VAL-NAME-03", "web%base", NameCode)]
    [InlineData("VAL-NAME-03", "web\"base\"", NameCode)]
    [InlineData("VAL-NAME-03", "web'base", NameCode)]
    [InlineData("VAL-NAME-03", "web/base", NameCode)]
    [InlineData("VAL-NAME-03", "web@base", NameCode)]
    [InlineData("VAL-NAME-03", "web，base", NameCode)]
    [InlineData("VAL-NAME-03", "web\nbase", NameCode)]
    [InlineData("VAL-NAME-03", "web-base ", NameCode)]
    [InlineData("VAL-NAME-04", "acs:base", NameCode)]
    [InlineData("VAL-NAME-04", "aliyun", NameCode)]
    [InlineData("VAL-NAME-04", "aliyun-base", NameCode)]
    [InlineData("VAL-NAME-04", "acs-base", null)]
    [InlineData("VAL-NAME-04", "my-aliyun", null)]
    [InlineData("VAL-NAME-04", "Aliyun-base", null)]
    [InlineData("VAL-NAME-04", "http://x", NameCode)]
    [InlineData("VAL-NAME-04", "https://x", NameCode)]
    [InlineData("VAL-NAME-04", "web-http://x", NameCode)]
    [InlineData("VAL-NAME-04", "HTTP://x", NameCode)]
    [InlineData("VAL-NAME-04", "http-base", null)]
    public void Name_ByRule_AcceptsOrRefusesWithTheCode(string rule, string? name, string? expectedCode)
    {
        // Act
        var error = ImageValidation.Name(name);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: \"{name}\" gave {error?.Code ?? "no error"}, expected {expectedCode ?? "no error"}");
        if (error is not null)
        {
            Assert.Equal(400, error.HttpStatus);
        }
    }

    public static TheoryData<string, string, string?> NameLengths => new()
    {
        { "VAL-NAME-01", "a" + Repeat('b', 127), null },
        { "VAL-NAME-01", "a" + Repeat('b', 128), NameCode },
        { "VAL-NAME-01", Repeat('镜', 128), null },
        { "VAL-NAME-01", Repeat('镜', 129), NameCode },
    };

    [Theory]
    [MemberData(nameof(NameLengths))]
    public void Name_AtTheLengthLimits_AcceptsOrRefusesWithTheCode(string rule, string name, string? expectedCode)
    {
        // Act
        var error = ImageValidation.Name(name);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: a name of {name.Length} characters gave {error?.Code ?? "no error"}");
    }

    [Theory]
    [InlineData("VAL-DESC-01", null, null)]
    [InlineData("VAL-DESC-01", "", null)]
    [InlineData("VAL-DESC-01", "a", DescriptionCode)]
    [InlineData("VAL-DESC-01", "ab", null)]
    [InlineData("VAL-DESC-01", "中文描述", null)]
    [InlineData("VAL-DESC-01", "100% \"quoted\" 'text', with <punctuation>!", null)]
    [InlineData("VAL-DESC-01", "   ", null)]
    [InlineData("VAL-DESC-01", "see http://x for details", null)]
    [InlineData("VAL-DESC-01", "http://x", DescriptionCode)]
    [InlineData("VAL-DESC-01", "https://x", DescriptionCode)]
    [InlineData("VAL-DESC-01", "HTTPS://x", DescriptionCode)]
    public void Description_ByRule_AcceptsOrRefusesWithTheCode(string rule, string? description, string? expectedCode)
    {
        // Act
        var error = ImageValidation.Description(description);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: \"{description}\" gave {error?.Code ?? "no error"}");
    }

    public static TheoryData<string, string, string?> DescriptionLengths => new()
    {
        { "VAL-DESC-01", Repeat('d', 256), null },
        { "VAL-DESC-01", Repeat('d', 257), DescriptionCode },
        { "VAL-DESC-01", Repeat('述', 256), null },
        { "VAL-DESC-01", Repeat('述', 257), DescriptionCode },
    };

    [Theory]
    [MemberData(nameof(DescriptionLengths))]
    public void Description_AtTheLengthLimits_AcceptsOrRefusesWithTheCode(string rule, string description, string? expectedCode)
    {
        // Act
        var error = ImageValidation.Description(description);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: a description of {description.Length} characters gave {error?.Code ?? "no error"}");
    }

    [Theory]
    [InlineData("VAL-FAM-01", null, null)]
    [InlineData("VAL-FAM-01", "", null)]
    [InlineData("VAL-FAM-01", "a", FamilyCode)]
    [InlineData("VAL-FAM-01", "ab", null)]
    [InlineData("VAL-FAM-01", "acme-base", null)]
    [InlineData("VAL-FAM-01", "中文族系", null)]
    [InlineData("VAL-FAM-01", "web.base:v1_x-y", null)]
    [InlineData("VAL-FAM-01", "1family", FamilyCode)]
    [InlineData("VAL-FAM-01", "-family", FamilyCode)]
    [InlineData("VAL-FAM-01", "my family", FamilyCode)]
    [InlineData("VAL-FAM-01", "family%", FamilyCode)]
    [InlineData("VAL-FAM-01", "family\"", FamilyCode)]
    [InlineData("VAL-FAM-01", "aliyun-family", FamilyCode)]
    [InlineData("VAL-FAM-01", "http://x", FamilyCode)]
    [InlineData("VAL-FAM-01", "family-https://x", FamilyCode)]
    [InlineData("VAL-FAM-02", "acs:family", FamilyCode)]
    [InlineData("VAL-FAM-02", "acs-family", FamilyCode)]
    [InlineData("VAL-FAM-02", "acsfamily", FamilyCode)]
    [InlineData("VAL-FAM-02", "Acs-family", null)]
    [InlineData("VAL-FAM-02", "my-acs", null)]
    public void Family_ByRule_AcceptsOrRefusesWithTheCode(string rule, string? family, string? expectedCode)
    {
        // Act
        var error = ImageValidation.Family(family);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: \"{family}\" gave {error?.Code ?? "no error"}");
    }

    public static TheoryData<string, string, string?> FamilyLengths => new()
    {
        { "VAL-FAM-01", "f" + Repeat('x', 127), null },
        { "VAL-FAM-01", "f" + Repeat('x', 128), FamilyCode },
        { "VAL-FAM-01", Repeat('族', 129), FamilyCode },
    };

    [Theory]
    [MemberData(nameof(FamilyLengths))]
    public void Family_AtTheLengthLimits_AcceptsOrRefusesWithTheCode(string rule, string family, string? expectedCode)
    {
        // Act
        var error = ImageValidation.Family(family);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: a family of {family.Length} characters gave {error?.Code ?? "no error"}");
    }

    /// <summary>Tags as <c>key=value</c> (split at the first <c>=</c>).</summary>
    public static TheoryData<string, string[], string?> TagCases => new()
    {
        { "VAL-TAG-01", [], null },
        { "VAL-TAG-01", [.. Enumerable.Range(1, 20).Select(i => $"k{i}=v")], null },
        { "VAL-TAG-01", [.. Enumerable.Range(1, 21).Select(i => $"k{i}=v")], ImageErrors.TagQuotaCode },
        { "VAL-TAG-02", ["env=prod", "团队=平台"], null },
        { "VAL-TAG-02", ["=prod"], ImageErrors.TagKeyMalformedCode },
        { "VAL-TAG-02", ["  =prod"], ImageErrors.TagKeyMalformedCode },
        { "VAL-TAG-02", [Repeat('k', 128) + "=v"], null },
        { "VAL-TAG-02", [Repeat('k', 129) + "=v"], ImageErrors.TagKeyMalformedCode },
        { "VAL-TAG-02", ["aliyun-env=prod"], ImageErrors.TagKeyMalformedCode },
        { "VAL-TAG-02", ["acs:env=prod"], ImageErrors.TagKeyMalformedCode },
        { "VAL-TAG-02", ["acs-env=prod"], null },
        { "VAL-TAG-02", ["see-http://x=prod"], ImageErrors.TagKeyMalformedCode },
        { "VAL-TAG-02", ["https://x=prod"], ImageErrors.TagKeyMalformedCode },
        { "VAL-TAG-02", ["100%\"quoted'=prod"], null },
        { "VAL-TAG-03", ["env="], null },
        { "VAL-TAG-03", ["env=" + Repeat('v', 128)], null },
        { "VAL-TAG-03", ["env=" + Repeat('v', 129)], ImageErrors.TagValueMalformedCode },
        { "VAL-TAG-03", ["env=acs:prod"], ImageErrors.TagValueMalformedCode },
        { "VAL-TAG-03", ["env=aliyun-prod"], null },
        { "VAL-TAG-03", ["env=http://x"], ImageErrors.TagValueMalformedCode },
        { "VAL-TAG-03", ["env=go to https://x"], ImageErrors.TagValueMalformedCode },
        { "VAL-TAG-04", ["env=prod", "team=web", "env=test"], ImageErrors.TagKeyDuplicateCode },
        { "VAL-TAG-04", ["env=prod", "ENV=test"], ImageErrors.TagKeyDuplicateCode },
        { "VAL-TAG-04", ["env=prod", "env2=prod"], null },
    };

    [Theory]
    [MemberData(nameof(TagCases))]
    public void Tags_ByRule_AcceptsOrRefusesWithTheCode(string rule, string[] pairs, string? expectedCode)
    {
        // Arrange
        var tags = pairs.Select(p => p.Split('=', 2)).Select(kv => (kv[0], kv[1])).ToList();

        // Act
        var error = ImageValidation.Tags(tags);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: [{string.Join(", ", pairs)}] gave {error?.Code ?? "no error"}");
    }

    [Fact]
    public void Tags_WhenTheListIsBothTooLongAndMalformed_ReportsTheQuotaFirst()
    {
        // Arrange
        var tags = Enumerable.Range(1, 21).Select(i => ($"acs:k{i}", "v")).ToList();

        // Act
        var error = ImageValidation.Tags(tags);

        // Assert
        Assert.Equal((ImageErrors.TagQuotaCode, 403), (error?.Code, error?.HttpStatus));
    }
}
