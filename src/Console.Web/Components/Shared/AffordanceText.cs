using EcsConsole.Domain.Accounts;
using EcsConsole.Domain.Common;
using EcsConsole.Domain.ImageBuilder;
using EcsConsole.Domain.Images;
using EcsConsole.Domain.Instances;
using EcsConsole.Domain.Marketplace;
using EcsConsole.Domain.Permissions;
using EcsConsole.Domain.Regions;
using EcsConsole.Domain.Sas;
using EcsConsole.Web.Localization;
using Microsoft.Extensions.Localization;

namespace EcsConsole.Web.Components.Shared;

/// <summary>
/// The one place where the console words an affordance refusal (ADR-011): the domain's affordance queries say whether
/// an action is allowed and the <see cref="EcsError"/> why not; the disabled control's tooltip keeps the console's
/// shorter wording, chosen here by the error's code, in the current language (<see cref="ReasonTexts"/>, whose keys are
/// the English texts below). A refusal without its own wording shows the domain message, which stays in English.
/// </summary>
public static class AffordanceText
{
    /// <summary>The tooltip of an action the actor's role does not allow (the English text, a key of <see cref="ReasonTexts"/>).</summary>
    public const string ReadOnly = "Your role in this account is read-only";

    /// <summary>The tooltip of a member action for anyone but an Admin of the account.</summary>
    private const string AdminOnly = "Only an Admin of the account may remove members";

    /// <summary>True when the refusal is the write check (<see cref="EcsConsole.Domain.Permissions.Access.CheckCanWrite"/>).</summary>
    private static bool IsWriteDenied(EcsError refused) => refused.Code == CommonErrors.ForbiddenCode;

    /// <summary><see cref="ReadOnly"/> in the current language.</summary>
    public static string ReadOnlyText(IStringLocalizer<ReasonTexts> L) => L[ReadOnly];

    /// <summary>Why an instance row action is disabled, or null.</summary>
    public static string? Instance(IStringLocalizer<ReasonTexts> L, Actor? actor, InstanceListItem instance, InstanceAction action, DateTimeOffset now) =>
        Word(L, actor, a => InstanceAffordances.Check(a, instance, action, now), refused => refused switch
        {
            { Code: InstanceErrors.ChargeTypeViolationCode } => L["A subscription instance can be released only after it expires"],
            _ => action switch
            {
                InstanceAction.Stop => L["The instance is {0}", L[instance.Status.ToString()]],
                InstanceAction.CreateImage => L["The instance is {0}; it must be Running or Stopped", L[instance.Status.ToString()]],
                InstanceAction.ReplaceSystemDisk => L["The instance is {0}: stop it first to replace its system disk", L[instance.Status.ToString()]],
                InstanceAction.Release => L["The instance is {0}: wait until it is Running or Stopped", L[instance.Status.ToString()]],
                _ => refused.Message,
            },
        });

    /// <summary>Why an image template row action is disabled, or null.</summary>
    public static string? Template(IStringLocalizer<ReasonTexts> L, Actor? actor, PipelineSummary summary, TemplateAction action) =>
        Word(L, actor, a => TemplateAffordances.Check(a, summary, action), refused => refused switch
        {
            { Code: ImageBuilderErrors.HasRunningExecutionCode } => action == TemplateAction.StartBuild
                ? L["A build of this template is running: one build at a time"]
                : L["A build of this template is running: wait for it to end"],
            _ => refused.Message,
        });

    /// <summary>Why an image row action is disabled, or null.</summary>
    public static string? Image(IStringLocalizer<ReasonTexts> L, Actor? actor, ImageListItem image, ImageAction action) =>
        Word(L, actor, a => ImageAffordances.Check(a, image, action), refused => action switch
        {
            _ when action != ImageAction.Launch && image.Status is ImageStatus.Creating or ImageStatus.Waiting => L["The image is still being created"],
            ImageAction.Launch => L["The image is {0}: only an Available image can create instances", L[image.Status.ToString()]],
            ImageAction.Deprecate => L["Only an Available image can be deprecated"],
            ImageAction.Share => L["Only an Available image can be shared"],
            ImageAction.Copy => L["Only an Available image can be copied"],
            ImageAction.Export => L["Only an Available image can be exported"],
            ImageAction.Update => L["Only an Available image can be updated"],
            _ => refused.Message,
        });

    /// <summary>Why a SAS custom image row action is disabled, or null.</summary>
    public static string? SasImage(IStringLocalizer<ReasonTexts> L, Actor? actor, SasImage image, SasImageAction action, SasImageQuota quota) =>
        Word(L, actor, a => SasAffordances.Check(a, image, action, quota), refused => refused switch
        {
            { Code: SasErrors.QuotaCode } => L["Quota reached: {0} custom images", quota.ToString()],
            _ => action switch
            {
                SasImageAction.Share => L["Only an Available image can be shared to ECS"],
                SasImageAction.Copy => L["Only an Available image can be copied"],
                _ => L["Only an Available image can create servers"],
            },
        });

    /// <summary>Why Create Custom Image is disabled on the SAS images page (the account's quota), or null.</summary>
    public static string? SasCreateImage(IStringLocalizer<ReasonTexts> L, Actor? actor, SasImageQuota? quota) =>
        Word(L, actor, a => quota is null ? Access.CheckCanWrite(a) : SasAffordances.CheckCreateImage(a, quota),
            _ => L["Quota reached: {0} custom images (3 per server, at most 15)", quota?.ToString() ?? ""]);

    /// <summary>Why Create Custom Image is disabled on a SAS server row, or null.</summary>
    public static string? SasCreateImage(IStringLocalizer<ReasonTexts> L, Actor? actor, SasServerView server) =>
        Word(L, actor, a => SasAffordances.CheckCreateImage(a, server), _ => L["Create a snapshot of the system disk first"]);

    /// <summary>Why Subscribe or Launch is disabled on a Marketplace product page, or null.</summary>
    public static string? Product(IStringLocalizer<ReasonTexts> L, Actor? actor, ProductDetail detail, Region region, MarketplaceAction action) =>
        Word(L, actor, a => MarketplaceAffordances.Check(a, detail, region.Id, action), refused => refused switch
        {
            { Code: MarketplaceErrors.RemovedCode } => L["The product has been withdrawn from the Marketplace"],
            { Code: MarketplaceErrors.NotPublishedCode } => L["Not published in {0}: choose a region where it is", region.Name],
            _ => refused.Message,
        });

    /// <summary>Why a member row action is disabled, or null; without an Admin's role, the action is an Admin's.</summary>
    public static string? Member(IStringLocalizer<ReasonTexts> L, Actor? actor, Member member, IReadOnlyCollection<Member> members, MemberAction action) =>
        actor is null ? L[AdminOnly].Value : MemberAffordances.Check(actor, member, members, action) switch
        {
            null => null,
            { Code: AccountErrors.LastAdminCode } => L["The last Admin of the account cannot be removed: promote another member first"].Value,
            _ => L[AdminOnly].Value,
        };

    /// <summary>
    /// The tooltip of an affordance: <see cref="ReadOnly"/> without an actor or when the write check refuses, none when
    /// allowed, else the console's wording of the refusal.
    /// </summary>
    private static string? Word(IStringLocalizer<ReasonTexts> L, Actor? actor, Func<Actor, EcsError?> check, Func<EcsError, string> text) =>
        actor is null ? L[ReadOnly] : check(actor) switch
        {
            null => null,
            { } refused when IsWriteDenied(refused) => L[ReadOnly],
            { } refused => text(refused),
        };
}
