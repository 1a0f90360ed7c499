namespace EcsConsole.Web.Localization;

// The console's texts, one resource pair per area (English `X.resx`, Chinese `X.zh-CN.resx`, side by side here): a
// page injects `IStringLocalizer<X>` of its area. Keys are the English texts themselves, so a page reads as it shows
// and a missing key still shows English (one catch: resource names ignore case, so one area cannot hold "Failed" and
// "FAILED"; the build fails on such a pair); TranslationCompletenessTests fails on any key of an English file missing or
// empty in its Chinese twin, and on any key a page uses that its area's English file lacks.

/// <summary>The shell (app bar, navigation, language), shared components, statuses and time/size formats.</summary>
public sealed class ShellTexts;

/// <summary>Images, snapshots, tasks and the Overview.</summary>
public sealed class ImagesTexts;

/// <summary>Instances and the buy page, key pairs, OSS buckets, the Marketplace, Simple Application Server.</summary>
public sealed class InstancesTexts;

/// <summary>Admin (quotas, members, audit log), AccessKeys, the API log, Simulation, Image Builder.</summary>
public sealed class AdminTexts;

/// <summary>The Identity pages (sign-in, register, manage account): static SSR, localised per request.</summary>
public sealed class AccountTexts;

/// <summary>Why an action is disabled (AffordanceText), the tooltips of disabled controls.</summary>
public sealed class ReasonTexts;

/// <summary>
/// An image build's statuses as the API spells them (PREPARING … SUCCESS): their own area, as resource names ignore case
/// and "FAILED" would clash with another area's "failed" or "Failed".
/// </summary>
public sealed class BuildTexts;

/// <summary>MudBlazor's own texts (pager, dialogs' close buttons, …), by MudBlazor's keys; see ConsoleMudLocalizer.</summary>
public sealed class MudTexts;
