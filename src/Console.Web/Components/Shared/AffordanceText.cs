using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.Sas;

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

    /// <summary>The tooltip of a member action for anyone but an Admin of the account.</summary>
    private const string AdminOnly = "Only an Admin of the account may remove members";

    /// <summary>True when the refusal is the write check (<see cref="EcsConsole.Domain.Permissions.Access.CheckCanWrite"/>).</summary>
    private static bool IsWriteDenied(EcsError refused) => refused.Code == CommonErrors.ForbiddenCode;

    /// <summary>Why an instance row action is disabled, or null.</summary>
    public static string? Instance(Actor? actor, InstanceListItem instance, InstanceAction action, DateTimeOffset now) =>
        Word(actor, a => InstanceAffordances.Check(a, instance, action, now), refused => refused switch
        {
            { Code: InstanceErrors.ChargeTypeViolationCode } => "A subscription instance can be released only after it expires",
            _ => action switch
            {
                InstanceAction.Stop => $"The instance is {instance.Status}",
                InstanceAction.CreateImage => $"The instance is {instance.Status}; it must be Running or Stopped",
                InstanceAction.ReplaceSystemDisk => $"The instance is {instance.Status}: stop it first to replace its system disk",
                InstanceAction.Release => $"The instance is {instance.Status}: wait until it is Running or Stopped",
                _ => refused.Message,
            },
        });

    /// <summary>Why an image template row action is disabled, or null.</summary>
    public static string? Template(Actor? actor, PipelineSummary summary, TemplateAction action) =>
        Word(actor, a => TemplateAffordances.Check(a, summary, action), refused => refused switch
        {
            { Code: ImageBuilderErrors.HasRunningExecutionCode } => action == TemplateAction.StartBuild
                ? "A build of this template is running: one build at a time"
                : "A build of this template is running: wait for it to end",
            _ => refused.Message,
        });

    /// <summary>Why an image row action is disabled, or null.</summary>
    public static string? Image(Actor? actor, ImageListItem image, ImageAction action) =>
        Word(actor, a => ImageAffordances.Check(a, image, action), refused => action switch
        {
            _ when action != ImageAction.Launch && image.Status is ImageStatus.Creating or ImageStatus.Waiting => "The image is still being created",
            ImageAction.Launch => $"The image is {image.Status}: only an Available image can create instances",
            ImageAction.Deprecate => "Only an Available image can be deprecated",
            ImageAction.Share => "Only an Available image can be shared",
            ImageAction.Copy => "Only an Available image can be copied",
            ImageAction.Export => "Only an Available image can be exported",
            ImageAction.Update => "Only an Available image can be updated",
            _ => refused.Message,
        });

    /// <summary>Why a SAS custom image row action is disabled, or null.</summary>
    public static string? SasImage(Actor? actor, SasImage image, SasImageAction action, SasImageQuota quota) =>
        Word(actor, a => SasAffordances.Check(a, image, action, quota), refused => refused switch
        {
            { Code: SasErrors.QuotaCode } => $"Quota reached: {quota} custom images",
            _ => action == SasImageAction.Share ? "Only an Available image can be shared to ECS" : "Only an Available image can be copied",
        });

    /// <summary>Why Create Custom Image is disabled on the SAS images page (the account's quota), or null.</summary>
    public static string? SasCreateImage(Actor? actor, SasImageQuota? quota) =>
        Word(actor, a => quota is null ? Access.CheckCanWrite(a) : SasAffordances.CheckCreateImage(a, quota),
            _ => $"Quota reached: {quota} custom images (3 per server, at most 15)");

    /// <summary>Why Create Custom Image is disabled on a SAS server row, or null.</summary>
    public static string? SasCreateImage(Actor? actor, SasServerView server) =>
        Word(actor, a => SasAffordances.CheckCreateImage(a, server), _ => "Create a snapshot of the system disk first");

    /// <summary>Why Subscribe or Launch is disabled on a Marketplace product page, or null.</summary>
    public static string? Product(Actor? actor, ProductDetail detail, Region region, MarketplaceAction action) =>
        Word(actor, a => MarketplaceAffordances.Check(a, detail, region.Id, action), refused => refused switch
        {
            { Code: MarketplaceErrors.RemovedCode } => "The product has been withdrawn from the Marketplace",
            { Code: MarketplaceErrors.NotPublishedCode } => $"Not published in {region.Name}: choose a region where it is",
            _ => refused.Message,
        });

    /// <summary>Why a member row action is disabled, or null; without an Admin's role, the action is an Admin's.</summary>
    public static string? Member(Actor? actor, Member member, IReadOnlyCollection<Member> members, MemberAction action) =>
        actor is null ? AdminOnly : MemberAffordances.Check(actor, member, members, action) switch
        {
            null => null,
            { Code: AccountErrors.LastAdminCode } => "The last Admin of the account cannot be removed: promote another member first",
            _ => AdminOnly,
        };

    /// <summary>
    /// The tooltip of an affordance: <see cref="ReadOnly"/> without an actor or when the write check refuses, none when
    /// allowed, else the console's wording of the refusal.
    /// </summary>
    private static string? Word(Actor? actor, Func<Actor, EcsError?> check, Func<EcsError, string> text) =>
        actor is null ? ReadOnly : check(actor) switch
        {
            null => null,
            { } refused when IsWriteDenied(refused) => ReadOnly,
            { } refused => text(refused),
        };
}
