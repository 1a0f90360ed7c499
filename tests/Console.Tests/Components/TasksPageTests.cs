using Bunit;
using EcsConsole.Domain.Seeding;
using EcsConsole.Domain.Tasks;
using EcsConsole.Tests.Support;
using EcsConsole.Web.Components.Pages.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EcsConsole.Tests.Components;

public sealed class TasksPageTests : ComponentTestBase
{
    private IRenderedComponent<TasksPage> RenderAt(string regionId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/tasks?region={regionId}");
        return Render<TasksPage>();
    }

    [Fact]
    public async Task Tasks_InTheDemoWorld_ShowsTheEmptyState()
    {
        // Arrange
        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(
            "No tasks in this region. Long operations such as creating or copying an image appear here with their progress.",
            cut.Find("[data-testid='tasks-empty']").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid^='task-row-']"));
    }

    [Fact]
    public async Task Tasks_WithATaskOfTheAccount_RendersItsRowWithStatusProgressAndStage()
    {
        // Arrange
        const string taskId = "t-bp1copytask0000000000";
        var created = Database.Time.GetUtcNow();
        await using (var db = Database.NewContext())
        {
            db.AsyncTasks.Add(new AsyncTask
            {
                Id = taskId, RegionId = "cn-hangzhou", AccountId = DemoWorld.AcmeAccountId, Type = AsyncTaskType.CopyImage,
                ResourceId = "m-bp1copied00000000000", Progress = 45, Stage = "Transferring",
                CreatedAt = created, UpdatedAt = created, DueAt = created,
            });
            db.AsyncTasks.Add(new AsyncTask
            {
                Id = "t-bp1globextask00000000", RegionId = "cn-hangzhou", AccountId = DemoWorld.GlobexAccountId, Type = AsyncTaskType.CreateImage,
                ResourceId = "m-bp1globex000000000000", CreatedAt = created, UpdatedAt = created, DueAt = created,
            });
            await db.SaveChangesAsync();
        }

        await SignInAsync(DemoWorld.Alice);

        // Act
        var cut = RenderAt("cn-hangzhou");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid^='task-row-']")));
        var row = cut.Find($"[data-testid='task-row-{taskId}']");
        Assert.Contains("CopyImage", row.TextContent);
        Assert.Contains("m-bp1copied00000000000", row.TextContent);
        Assert.Contains("Transferring", row.TextContent);
        Assert.Contains("2026-11-23 10:00:00 UTC", row.TextContent);
        Assert.Equal("Processing", cut.Find($"[data-testid='task-status-{taskId}']").TextContent.Trim());
        Assert.Equal("45%", cut.Find($"[data-testid='task-progress-{taskId}']").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid='tasks-empty']"));
    }
}
