using EcsConsole.Domain.ResourceGroups;
using EcsConsole.Web.Localization;
using Microsoft.Extensions.Localization;

namespace EcsConsole.Web.Components.Shared;

/// <summary>How the console names a resource group: a stored group by its display name, the default one in the console's language.</summary>
public static class ResourceGroupText
{
    public static string DisplayName(IStringLocalizer<ShellTexts> l, ResourceGroupInfo group) =>
        group.IsDefault ? l["Default Resource Group"] : group.DisplayName;

    /// <summary>
    /// The name of the group a row is in: <paramref name="stored"/> (null reads as the account's default, the first of
    /// <paramref name="groups"/>), or the ID itself when it is not among them.
    /// </summary>
    public static string NameOf(IStringLocalizer<ShellTexts> l, IReadOnlyList<ResourceGroupInfo> groups, string? stored)
    {
        var group = stored is null ? groups.FirstOrDefault(g => g.IsDefault) : groups.FirstOrDefault(g => g.Id == stored);
        return group is null ? stored ?? "" : DisplayName(l, group);
    }
}
