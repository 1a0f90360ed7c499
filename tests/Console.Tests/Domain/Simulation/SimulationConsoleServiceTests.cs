using EcsConsole.Domain;
using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Simulation;
using EcsConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Domain.Simulation;

/// <summary>
/// The <c>/simulation</c> page's service (ADR-013): the platform admin only, re-read from the database; the controls reach
/// the same services as the HTTP control, and a fault's bad input answers the HTTP control's codes.
/// </summary>
public sealed class SimulationConsoleServiceTests : IAsyncLifetime
{
    private static readonly HashSet<string> ApiActions = ["DescribeRegions", "CopyImage"];

    private readonly TestDatabase _db = new();
    private ServiceProvider _services = null!;
    private SimulationConsoleService _console = null!;

    public async Task InitializeAsync()
    {
        await _db.WithDemoWorldAsync();
        var services = new ServiceCollection();
        services.AddSingleton(_db.Factory);
        services.AddSingleton<TimeProvider>(_db.Time);
        services.AddSingleton<ISecretProtector, PlainSecretProtector>();
        services.AddConsoleDomainServices();
        _services = services.BuildServiceProvider();
        _console = _services.GetRequiredService<SimulationConsoleService>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static FaultRequest ApiFault(string? action = "DescribeRegions", string? code = "Throttling.User", int? status = 400, int? count = 1) =>
        new(action, null, code, WholeNumber.Of(status), WholeNumber.Of(count));

    [Theory]
    [InlineData(DemoWorld.Alice)]
    [InlineData(DemoWorld.Bob)]
    public async Task EveryControl_ForAnyoneButThePlatformAdmin_IsForbidden_AndChangesNothing(string email)
    {
        // Arrange
        var actor = await _db.ActorAsync(email);
        var faults = _services.GetRequiredService<SimulationFaults>();
        await faults.AddApiFaultAsync("CopyImage", "InternalError", 500, 1);

        // Act
        var outcomes = new EcsError?[]
        {
            (await _console.ResetAsync(actor)).Error,
            (await _console.AdvanceAsync(actor, 60)).Error,
            (await _console.CompleteTasksAsync(actor)).Error,
            (await _console.ListFaultsAsync(actor)).Error,
            (await _console.AddFaultAsync(actor, ApiFault(), ApiActions.Contains)).Error,
            (await _console.ClearFaultsAsync(actor)).Error,
        };

        // Assert
        Assert.All(outcomes, e => Assert.Equal(CommonErrors.ForbiddenCode, e?.Code));
        Assert.Single(await faults.ListAsync());
    }

    [Fact]
    public async Task ThePlatformAdmin_DemotedSinceThePageOpened_IsRefusedAtTheNextClick()
    {
        // Arrange: root's actor as the page read it, then root is no longer the platform admin
        var root = await _db.ActorAsync(DemoWorld.Root);
        await using (var db = _db.NewContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoWorld.Root);
            user.IsPlatformAdmin = false;
            await db.SaveChangesAsync();
        }

        // Act
        var listed = await _console.ListFaultsAsync(root);

        // Assert
        Assert.Equal(CommonErrors.ForbiddenCode, listed.Error?.Code);
    }

    [Fact]
    public async Task ThePlatformAdmin_AddsListsAndClearsFaults_ThroughTheSameFaultService()
    {
        // Arrange
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var api = await _console.AddFaultAsync(root, ApiFault(count: 3), ApiActions.Contains);
        _db.Time.Advance(TimeSpan.FromSeconds(1));
        var task = await _console.AddFaultAsync(root, new FaultRequest(null, "CreateImage", "InternalError", WholeNumber.Absent, WholeNumber.Absent), ApiActions.Contains);
        var listed = await _console.ListFaultsAsync(root);
        var cleared = await _console.ClearFaultsAsync(root);

        // Assert
        Assert.Equal([api.Value, task.Value], listed.Value.Select(f => f.Id));
        Assert.Equal((SimulationFaultKind.Api, "DescribeRegions", 400, 3), (listed.Value[0].Kind, listed.Value[0].Action, listed.Value[0].HttpStatus, listed.Value[0].Remaining));
        Assert.Equal(1, listed.Value[1].Remaining);
        Assert.Equal(2, cleared.Value);
        Assert.Empty(await _services.GetRequiredService<SimulationFaults>().ListAsync());
    }

    public static TheoryData<FaultRequest, string> BadFaults => new()
    {
        { new FaultRequest("DescribeRegions", "CreateImage", "X", WholeNumber.Of(400), WholeNumber.Absent), CommonErrors.InvalidParameterCode },
        { new FaultRequest(null, null, "X", WholeNumber.Of(400), WholeNumber.Absent), CommonErrors.MissingParameterCode },
        { ApiFault(code: null), CommonErrors.MissingParameterCode },
        { ApiFault(code: "has spaces"), CommonErrors.InvalidParameterCode },
        { ApiFault(status: null), CommonErrors.MissingParameterCode },
        { ApiFault(status: 200), CommonErrors.InvalidParameterCode },
        { ApiFault(count: 0), CommonErrors.InvalidParameterCode },
        { new FaultRequest("DescribeRegions", null, "X", WholeNumber.Of(400), new WholeNumber(true, null)), CommonErrors.InvalidParameterCode },
        { ApiFault(action: "NoSuchAction"), CommonErrors.InvalidParameterCode },
        { new FaultRequest(null, "NoSuchTask", "X", WholeNumber.Absent, WholeNumber.Absent), CommonErrors.InvalidParameterCode },
        { new FaultRequest(null, "ImageBuild", "X", WholeNumber.Absent, WholeNumber.Absent), CommonErrors.InvalidParameterCode },
    };

    [Theory]
    [MemberData(nameof(BadFaults))]
    public async Task AddFault_WithBadInput_AnswersTheHttpControlsCode_AndAddsNothing(FaultRequest request, string code)
    {
        // Arrange
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var added = await _console.AddFaultAsync(root, request, ApiActions.Contains);

        // Assert
        Assert.Equal(code, added.Error?.Code);
        Assert.Empty((await _console.ListFaultsAsync(root)).Value);
    }

    [Fact]
    public async Task CompleteTasks_ForThePlatformAdmin_SaysHowManyEnded()
    {
        // Arrange: nothing is running in the demo world
        var root = await _db.ActorAsync(DemoWorld.Root);

        // Act
        var completed = await _console.CompleteTasksAsync(root);

        // Assert
        Assert.True(completed.IsSuccess);
        Assert.Equal(0, completed.Value);
    }
}
