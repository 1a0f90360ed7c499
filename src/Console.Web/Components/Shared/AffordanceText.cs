using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// The one place where the console words an affordance refusal (ADR-011): the domain's affordance queries say whether
/// an action is allowed and the <see cref="EcsError"/> why not; the disabled control's tooltip keeps the console's
/// shorter wording, chosen here by the error's code. A refusal without its own wording shows the domain message.
/// </summary>
public static class AffordanceText
{
    /// <summary>The tooltip of an action the actor's role does not allow.</summary>
    public const string ReadOnly = "Your role in this account is read-only";

    /// <summary>True when the refusal is the write check (<see cref="EcsConsole.Domain.Permissions.Access.CheckCanWrite"/>).</summary>
    private static bool IsWriteDenied(EcsError refused) => refused.Code == CommonErrors.ForbiddenCode;

    /// <summary>Why an instance row action is disabled, or null.</summary>
    public static string? Instance(Actor? actor, InstanceListItem instance, InstanceAction action, DateTimeOffset now)
    {
        if (actor is null)
        {
            return ReadOnly;
        }

        return InstanceAffordances.Check(actor, instance, action, now) switch
        {
            null => null,
            { } refused when IsWriteDenied(refused) => ReadOnly,
            { Code: InstanceErrors.ChargeTypeViolationCode } => "A subscription instance can be released only after it expires",
            { } refused => action switch
            {
                InstanceAction.Stop => $"The instance is {instance.Status}",
                InstanceAction.CreateImage => $"The instance is {instance.Status}; it must be Running or Stopped",
                InstanceAction.ReplaceSystemDisk => $"The instance is {instance.Status}: stop it first to replace its system disk",
                InstanceAction.Release => $"The instance is {instance.Status}: wait until it is Running or Stopped",
                _ => refused.Message,
            },
        };
    }

    /// <summary>Why an image template row action is disabled, or null.</summary>
    public static string? Template(Actor? actor, PipelineSummary summary, TemplateAction action) =>
        actor is null ? ReadOnly : TemplateAffordances.Check(actor, summary, action) switch
        {
            null => null,
            { } refused when IsWriteDenied(refused) => ReadOnly,
            { Code: ImageBuilderErrors.HasRunningExecutionCode } => action == TemplateAction.StartBuild
                ? "A build of this template is running: one build at a time"
                : "A build of this template is running: wait for it to end",
            { } refused => refused.Message,
        };

    /// <summary>Why an image row action is disabled, or null.</summary>
    public static string? Image(Actor? actor, ImageListItem image, ImageAction action) =>
        actor is null ? ReadOnly : ImageAffordances.Check(actor, image, action) switch
        {
            null => null,
            { } refused when IsWriteDenied(refused) => ReadOnly,
            _ when action != ImageAction.Launch && image.Status is ImageStatus.Creating or ImageStatus.Waiting => "The image is still being created",
            { } refused => action switch
            {
                ImageAction.Launch => $"The image is {image.Status}: only an Available image can create instances",
                ImageAction.Deprecate => "Only an Available image can be deprecated",
                ImageAction.Share => "Only an Available image can be shared",
                ImageAction.Copy => "Only an Available image can be copied",
                ImageAction.Export => "Only an Available image can be exported",
                ImageAction.Update => "Only an Available image can be updated",
                _ => refused.Message,
            },
        };
}
