namespace EcsConsole.E2E.Pages;

/// <summary><c>/tasks</c>: the table <c>tasks-table</c> of asynchronous tasks with their status and progress.</summary>
public sealed class TasksPage(IPage page) : ConsolePage(page)
{
    public ILocator Table => TestId("tasks-table");

    public ILocator Empty => TestId("tasks-empty");
}
