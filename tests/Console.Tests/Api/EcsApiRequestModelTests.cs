using System.Net;
using EcsConsole.Tests.Api.Support;
using EcsConsole.Web.Api;

namespace EcsConsole.Tests.Api;

/// <summary>
/// No parameter is accepted and ignored (issue #21, part 1): every request parameter the official SDK can send for an
/// implemented action (ecs-model-trees.txt) is, when added to a call that succeeds on the seeded world, either read by
/// the action (honoured, or refused with ECS's error) or named in docs/api/parameters.md — ignored by ECS too for such a
/// request, or a gap the product has not closed yet. The console names what a call ignored in the answer's
/// <c>x-ecsconsole-ignored-parameters</c> header; a gap that is closed must leave the list.
/// </summary>
public sealed class EcsApiRequestModelTests(EcsApiFixture api) : IClassFixture<EcsApiFixture>
{
    public static TheoryData<string> ImplementedActions() => [.. EcsActions.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ImplementedActions))]
    public async Task EveryRequestParameterOfTheSdk_IsReadByTheAction_OrListedAsIgnored(string action)
    {
        // Arrange
        var calls = new SeededWorldCalls(api);
        await calls.RaiseQuotasAsync();
        var listed = ParameterList.Of(action);

        // Act: the call with the model's parameters added; a group the call refuses is halved until each refusal is
        // down to its one parameter (which was read: it was refused)
        var ignored = new List<string>();
        await ProbeAsync(calls, action, [.. WireParameters(action)], ignored);
        var (plain, _) = await calls.CallAsync(action);

        // Assert: the call without extras still succeeds (a refusal met on the way was the parameter's, not a quota run out)
        Assert.True(plain.Status == HttpStatusCode.OK, plain.ToString());
        var unexplained = ignored.Except(listed.EcsIgnores).Except(listed.Gaps).Order().ToList();
        var closedGaps = listed.Gaps.Except(ignored).Order().ToList();
        Assert.True(unexplained.Count == 0, $"{action} ignores {string.Join(", ", unexplained)}: honour or refuse them, or list them in docs/api/parameters.md");
        Assert.True(closedGaps.Count == 0, $"{action} no longer ignores {string.Join(", ", closedGaps)}: take them off the gaps of docs/api/parameters.md");
    }

    [Fact]
    public async Task ASuccessfulCall_NamesWhatItIgnored_InTheIgnoredParametersHeader()
    {
        // Act
        var answer = await api.Alice().CallAsync("DescribeRegions", ("NotAnEcsParameter", "x"), ("RegionId", "cn-hangzhou"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["NotAnEcsParameter"], answer.Ignored);
    }

    [Fact]
    public void EveryListedParameter_IsAParameterOfItsActionsModel()
    {
        // Act
        var strangers = ParameterList.All()
            .Where(entry => !ModelTrees.RequestParameters(entry.Action).Any(p => p.Path == entry.Parameter))
            .Select(entry => $"{entry.Action}.{entry.Parameter}");

        // Assert
        Assert.Empty(strangers);
    }

    private static async Task ProbeAsync(SeededWorldCalls calls, string action, IReadOnlyList<RequestParameter> group, List<string> ignored)
    {
        if (group.Count == 0)
        {
            return;
        }

        var (answer, _) = await calls.CallAsync(action, [.. group.SelectMany(p => p.Wire)]);
        if (answer.Status == HttpStatusCode.OK)
        {
            ignored.AddRange(group.Where(p => p.Wire.Any(w => answer.Ignored.Contains(w.Name))).Select(p => p.Path));
            return;
        }

        if (group.Count > 1)
        {
            await ProbeAsync(calls, action, [.. group.Take(group.Count / 2)], ignored);
            await ProbeAsync(calls, action, [.. group.Skip(group.Count / 2)], ignored);
        }
    }

    /// <summary>Each parameter of the model (an object's fields one by one) as the SDK flattens it, with a plausible value.</summary>
    private static IEnumerable<RequestParameter> WireParameters(string action) =>
        ModelTrees.RequestParameters(action).Where(p => !ApiParameters.Protocol.Contains(p.Path));
}
