using EcsConsole.Domain.Snapshots;

namespace EcsConsole.Tests.Domain.Snapshots;

/// <summary>
/// The shape rules of domain-rules §2 for snapshots, one row per case, each naming its rule. A null expected code
/// means the value is accepted.
/// </summary>
public sealed class SnapshotValidationTests
{
    private const string NameCode = SnapshotErrors.NameMalformedCode;
    private const string DescriptionCode = SnapshotErrors.DescriptionMalformedCode;

    private static string Repeat(char c, int count) => new(c, count);

    [Theory]
    [InlineData("VAL-SNAPNAME-01", null, null)]
    [InlineData("VAL-SNAPNAME-01", "", null)]
    [InlineData("VAL-SNAPNAME-01", "s", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "sn", null)]
    [InlineData("VAL-SNAPNAME-01", "web-1-system-base", null)]
    [InlineData("VAL-SNAPNAME-01", "中文快照", null)]
    [InlineData("VAL-SNAPNAME-01", "db:daily_2026-11.23", null)]
    [InlineData("VAL-SNAPNAME-01", "1snapshot", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "_snapshot", NameCode)]
    [InlineData("VAL-SNAPNAME-01", " snapshot", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "   ", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "my snapshot", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "snap%shot", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "snap\"shot\"", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "snap'shot", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "snap/shot", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "http://x", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "https://x", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "auto2.0_20140418_1", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "auto", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "Auto-backup", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "AUTOMATIC", NameCode)]
    [InlineData("VAL-SNAPNAME-01", "my-auto-backup", null)]
    [InlineData("VAL-SNAPNAME-01", "aut", null)]
    public void Name_ByRule_AcceptsOrRefusesWithTheCode(string rule, string? name, string? expectedCode)
    {
        // Act
        var error = SnapshotValidation.Name(name);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: \"{name}\" gave {error?.Code ?? "no error"}, expected {expectedCode ?? "no error"}");
        if (error is not null)
        {
            Assert.Equal(400, error.HttpStatus);
        }
    }

    public static TheoryData<string, string, string?> NameLengths => new()
    {
        { "VAL-SNAPNAME-01", "s" + Repeat('n', 127), null },
        { "VAL-SNAPNAME-01", "s" + Repeat('n', 128), NameCode },
        { "VAL-SNAPNAME-01", Repeat('快', 128), null },
        { "VAL-SNAPNAME-01", Repeat('快', 129), NameCode },
    };

    [Theory]
    [MemberData(nameof(NameLengths))]
    public void Name_AtTheLengthLimits_AcceptsOrRefusesWithTheCode(string rule, string name, string? expectedCode)
    {
        // Act
        var error = SnapshotValidation.Name(name);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: a name of {name.Length} characters gave {error?.Code ?? "no error"}");
    }

    [Theory]
    [InlineData("VAL-SNAPDESC-01", null, null)]
    [InlineData("VAL-SNAPDESC-01", "", null)]
    [InlineData("VAL-SNAPDESC-01", "d", DescriptionCode)]
    [InlineData("VAL-SNAPDESC-01", "de", null)]
    [InlineData("VAL-SNAPDESC-01", "每日快照", null)]
    [InlineData("VAL-SNAPDESC-01", "100% \"quoted\" 'text'", null)]
    [InlineData("VAL-SNAPDESC-01", "before upgrade, see http://x", null)]
    [InlineData("VAL-SNAPDESC-01", "http://x", DescriptionCode)]
    [InlineData("VAL-SNAPDESC-01", "https://x", DescriptionCode)]
    [InlineData("VAL-SNAPDESC-01", "Http://x", DescriptionCode)]
    public void Description_ByRule_AcceptsOrRefusesWithTheCode(string rule, string? description, string? expectedCode)
    {
        // Act
        var error = SnapshotValidation.Description(description);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: \"{description}\" gave {error?.Code ?? "no error"}");
        if (error is not null)
        {
            Assert.Equal(400, error.HttpStatus);
        }
    }

    public static TheoryData<string, string, string?> DescriptionLengths => new()
    {
        { "VAL-SNAPDESC-01", Repeat('d', 256), null },
        { "VAL-SNAPDESC-01", Repeat('d', 257), DescriptionCode },
    };

    [Theory]
    [MemberData(nameof(DescriptionLengths))]
    public void Description_AtTheLengthLimits_AcceptsOrRefusesWithTheCode(string rule, string description, string? expectedCode)
    {
        // Act
        var error = SnapshotValidation.Description(description);

        // Assert
        Assert.True(expectedCode == error?.Code, $"{rule}: a description of {description.Length} characters gave {error?.Code ?? "no error"}");
    }
}
