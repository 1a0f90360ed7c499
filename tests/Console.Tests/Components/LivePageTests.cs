using Bunit;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.Seeding;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

/// <summary>Live pages (ADR-010, ADR-038): a burst of changes is one re-read, and a change after it is one more.</summary>
public sealed class LivePageTests : ComponentTestBase
{
    /// <summary>A live page of images that only counts its reads.</summary>
    private sealed class CountingPage : LivePage
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        protected override IReadOnlyCollection<ResourceKind> LiveKinds => [ResourceKind.Image];

        protected override Task LoadAsync()
        {
            Interlocked.Increment(ref _reads);
            return Task.CompletedTask;
        }
    }

    private void PublishImageChange() =>
        Services.GetRequiredService<ChangeNotifier>().Publish(new ResourceChange(ResourceKind.Image, "m-any", "cn-hangzhou", DemoWorld.AcmeAccountId));

    [Fact]
    public async Task TwentyChangesAtOnce_AreReadOnce_AndAChangeAfterThat_OnceMore()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/images?region=cn-hangzhou");
        var cut = Render<CountingPage>();
        cut.WaitForAssertion(() => Assert.Equal(1, cut.Instance.Reads));

        // Act
        for (var i = 0; i < 20; i++)
        {
            PublishImageChange();
        }

        // Assert: one re-read for the twenty (each change re-read the page before); the next change is one more
        cut.WaitForAssertion(() => Assert.Equal(2, cut.Instance.Reads));
        PublishImageChange();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.Instance.Reads));
    }
}
