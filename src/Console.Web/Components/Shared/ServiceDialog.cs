using EcsConsole.Domain.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// The base of a console dialog that asks one service on behalf of the <see cref="Actor"/>: it is busy while the
/// call runs, closes with a value on success and shows the <see cref="EcsError"/> of a refusal. Its markup is
/// <see cref="ConsoleDialog"/> (title, error alert, Cancel and OK).
/// </summary>
public abstract class ServiceDialog : ComponentBase
{
    [CascadingParameter] protected IMudDialogInstance MudDialog { get; set; } = null!;

    /// <summary>The signed-in user the dialog acts for.</summary>
    [Parameter] public Actor Actor { get; set; } = null!;

    /// <summary>True while a service call runs (OK is disabled).</summary>
    public bool Busy { get; protected set; }

    /// <summary>The last refusal, shown by the frame's error alert.</summary>
    public EcsError? Error { get; protected set; }

    /// <summary>Dismisses the error alert.</summary>
    public void ClearError() => Error = null;

    /// <summary>Leaves the dialog without a result.</summary>
    public void Cancel() => MudDialog.Cancel();

    /// <summary>Runs <paramref name="call"/>; success closes the dialog with <paramref name="closeWith"/> of its value.</summary>
    protected async Task RunAsync<T, TClose>(Func<Task<Result<T>>> call, Func<T, TClose> closeWith)
    {
        Busy = true;
        var result = await call();
        Busy = false;
        if (result.IsSuccess)
        {
            MudDialog.Close(DialogResult.Ok(closeWith(result.Value)));
        }
        else
        {
            Error = result.Error;
        }
    }

    /// <summary>Runs <paramref name="call"/>; success closes the dialog with its value.</summary>
    protected Task RunAsync<T>(Func<Task<Result<T>>> call) => RunAsync(call, value => value);

    /// <summary>Runs <paramref name="call"/>; success closes the dialog with <paramref name="closeWith"/>.</summary>
    protected Task RunAsync<TClose>(Func<Task<Result>> call, Func<TClose> closeWith) =>
        RunAsync(async () =>
        {
            var result = await call();
            return result.IsSuccess ? Result<bool>.Success(true) : Result<bool>.Failure(result.Error);
        }, _ => closeWith());
}
