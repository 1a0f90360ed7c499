using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcsConsole.Web.Localization;

/// <summary>
/// MudBlazor's texts in the console's language: a key translated in <see cref="MudTexts"/> wins; otherwise MudBlazor
/// keeps its own English (a not-found string lets its interceptor fall back to it).
/// </summary>
public sealed class ConsoleMudLocalizer(IStringLocalizer<MudTexts> texts) : MudLocalizer
{
    /// <inheritdoc />
    public override LocalizedString this[string key]
    {
        get
        {
            if (!ConsoleCultures.IsChinese)
            {
                return new LocalizedString(key, key, resourceNotFound: true);
            }

            var text = texts[key];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : text;
        }
    }
}
