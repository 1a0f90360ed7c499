using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// The base of a form that asks one service for the <see cref="Actor"/> in a region and is shown both in a dialog and
/// on a page of its own (create image, import image): busy while the call runs, the refusal in its error alert, the
/// value to its owner on success. Its markup is <see cref="ConsoleForm"/> (error alert, fields, Cancel and OK).
/// </summary>
public abstract class ServiceForm : ComponentBase
{
    [Parameter, EditorRequired] public Actor Actor { get; set; } = null!;

    [Parameter, EditorRequired] public string RegionId { get; set; } = "";

    /// <summary>What Cancel does (close the dialog, or leave the page).</summary>
    [Parameter] public EventCallback OnCancel { get; set; }

    /// <summary>True while the service call runs (OK is disabled).</summary>
    public bool Busy { get; private set; }

    /// <summary>The last refusal, shown by the frame's error alert.</summary>
    public EcsError? Error { get; private set; }

    /// <summary>Dismisses the error alert.</summary>
    public void ClearError() => Error = null;

    /// <summary>Runs <paramref name="call"/>: a refusal stays in the form, a success goes to <paramref name="done"/>.</summary>
    protected async Task RunAsync<T>(Func<Task<Result<T>>> call, EventCallback<T> done)
    {
        Busy = true;
        var result = await call();
        Busy = false;
        Error = result.Error;
        if (result.IsSuccess)
        {
            await done.InvokeAsync(result.Value);
        }
    }
}
