using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;

namespace EcsConsole.Tests.Domain.Common;

public sealed class IdGeneratorTests
{
    private readonly IdGenerator _ids = new();

    [Theory]
    [InlineData("bp")]
    [InlineData("2ze")]
    [InlineData("t4n")]
    public void NewImageId_StartsWithPrefixAndInfix_AndHasTwentyLowerCaseCharactersAfterThePrefix(string infix)
    {
        // Act
        var id = _ids.NewImageId(infix);

        // Assert
        Assert.Matches($"^m-{infix}[a-z0-9]{{{20 - infix.Length}}}$", id);
    }

    [Fact]
    public void NewIds_UseTheEcsPrefixOfEachResourceKind()
    {
        // Act
        var ids = new[] { _ids.NewSnapshotId("uf"), _ids.NewInstanceId("uf"), _ids.NewDiskId("uf"), _ids.NewTaskId("uf") };

        // Assert
        Assert.Equal(["s-uf", "i-uf", "d-uf", "t-uf"], ids.Select(i => i[..4]));
        Assert.All(ids, id => Assert.Equal(22, id.Length));
    }

    [Fact]
    public void NewAccountId_IsSixteenDigitsNotStartingWithZero()
    {
        // Act
        var ids = Enumerable.Range(0, 200).Select(_ => _ids.NewAccountId()).ToList();

        // Assert
        Assert.All(ids, id => Assert.True(Account.IsWellFormedId(id), id));
        Assert.All(ids, id => Assert.NotEqual('0', id[0]));
        Assert.True(ids.Distinct().Count() > 190);
    }

    [Fact]
    public void SeededGenerators_ProduceTheSameIds()
    {
        // Arrange
        var a = new IdGenerator(new Random(7));
        var b = new IdGenerator(new Random(7));

        // Act + Assert
        Assert.Equal(a.NewImageId("bp"), b.NewImageId("bp"));
        Assert.Equal(a.NewAccountId(), b.NewAccountId());
    }
}
