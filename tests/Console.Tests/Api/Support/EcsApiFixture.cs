using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;

namespace EcsConsole.Tests.Api.Support;

/// <summary>One console host (fresh demo world, 1-second tasks) shared by the tests of one class, with a client per demo user.</summary>
public sealed class EcsApiFixture : IDisposable
{
    public ConsoleAppFactory App { get; } = new();

    public EcsTestClient As(string user, EcsSigning signing = EcsSigning.V3)
    {
        var (id, secret, _) = DemoWorld.AccessKeys.First(k => k.User == user);
        return new EcsTestClient(App.CreateBrowserLikeClient(), id, secret, signing);
    }

    public EcsTestClient Alice(EcsSigning signing = EcsSigning.V3) => As(DemoWorld.Alice, signing);

    public void Dispose() => App.Dispose();
}
