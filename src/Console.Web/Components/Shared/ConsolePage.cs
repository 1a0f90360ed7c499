using EcsConsole.Domain.Common;
using EcsConsole.Web.Api.Calls;
using EcsConsole.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// A console page (ADR-010): its error alert, its dialogs and what every action does after it — the refusal in the
/// alert, or the success in a snackbar, then the page re-read. <see cref="ActorPage"/> adds the region and the actor.
/// </summary>
public abstract class ConsolePage : ComponentBase
{
    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    /// <summary>The texts of disabled actions' reasons (<see cref="AffordanceText"/>), in the current language.</summary>
    [Inject]
    protected IStringLocalizer<ReasonTexts> Reasons { get; set; } = default!;

    /// <summary>The refusal shown in the page's <see cref="ErrorAlert"/>, or null.</summary>
    protected EcsError? Error { get; set; }

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task LoadAsync();

    /// <summary>
    /// After an action: its refusal in the page's error alert, or <paramref name="done"/> in a snackbar. A one-click change
    /// (no dialog of its own) names its <paramref name="calls"/>: the snackbar's <c>API call</c> action then opens the
    /// change's "Equivalent API call" (ADR-014).
    /// </summary>
    protected void ShowOutcome(EcsError? error, string done, params IReadOnlyList<EcsCall> calls)
    {
        Error = error;
        if (error is null)
        {
            Snackbar.Add(done, Severity.Success, calls.Count == 0 ? null : ApiCallAction(done, calls));
        }
    }

    /// <summary>The shell's texts (the snackbar's <c>API call</c>, the message box's OK and Cancel), in the current language.</summary>
    [Inject]
    protected IStringLocalizer<ShellTexts> CommonTexts { get; set; } = default!;

    /// <summary>
    /// The snackbar action <c>API call</c> of a one-click change: opens its "Equivalent API call" (<see cref="ApiCallDialog"/>)
    /// with <paramref name="done"/>, what the snackbar said.
    /// </summary>
    protected Action<SnackbarOptions> ApiCallAction(string done, IReadOnlyList<EcsCall> calls) => options =>
    {
        options.Action = CommonTexts["API call"];
        options.ActionColor = Color.Inherit;
        options.OnClick = _ => Dialogs.ShowAsync<ApiCallDialog>(CommonTexts["Equivalent API call"],
            new DialogParameters<ApiCallDialog> { { d => d.Done, done }, { d => d.Calls, calls } }, ConsoleDialogs.Small);
    };

    /// <summary><see cref="ShowOutcome"/>, then the page re-read.</summary>
    protected Task ShowOutcomeAsync(EcsError? error, string done, params IReadOnlyList<EcsCall> calls)
    {
        ShowOutcome(error, done, calls);
        return LoadAsync();
    }

    /// <summary>After an action that succeeded (a dialog confirmed): <paramref name="done"/> in a snackbar, then the page re-read.</summary>
    protected Task ShowDoneAsync(string done)
    {
        Snackbar.Add(done, Severity.Success);
        return LoadAsync();
    }

    /// <summary>Asks OK or Cancel in a message box; true when OK.</summary>
    protected async Task<bool> ConfirmAsync(string title, string message) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: CommonTexts["OK"], cancelText: CommonTexts["Cancel"]) == true;

    /// <summary>Asks OK or Cancel, showing the ECS call OK leads to in an "Equivalent API call" panel (ADR-014); true when OK.</summary>
    protected async Task<bool> ConfirmAsync(string title, string message, params IReadOnlyList<EcsCall> calls) =>
        await ShowDialogAsync(title, new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.Calls, calls },
        }) is not null;

    /// <summary>
    /// Opens a dialog (by default <see cref="ConsoleDialogs.Small"/>) and waits for it: its result when confirmed (the
    /// value it closed with is its <see cref="DialogResult.Data"/>), null when cancelled.
    /// </summary>
    protected async Task<DialogResult?> ShowDialogAsync<TDialog>(string title, DialogParameters<TDialog> parameters, DialogOptions? options = null)
        where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, options ?? ConsoleDialogs.Small);
        return await dialog.Result is { Canceled: false } confirmed ? confirmed : null;
    }
}

/// <summary>The sizes the console opens its dialogs at.</summary>
public static class ConsoleDialogs
{
    /// <summary>Most dialogs: a form or a confirmation, small and full width.</summary>
    public static DialogOptions Small => new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>Dialogs with a table or a longer form.</summary>
    public static DialogOptions Medium => new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>Dialogs with a wide table (the replace-system-disk image picker).</summary>
    public static DialogOptions Large => new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };
}
