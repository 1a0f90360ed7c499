using System.Globalization;
using EcsConsole.Web.Localization;

namespace EcsConsole.Tests.Support;

/// <summary>Renders in another language (ui-contract §8) until disposed: <c>using var _ = CultureScope.Chinese();</c>.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    /// <summary>zh-CN for dates, numbers and texts.</summary>
    public static CultureScope Chinese() => new(ConsoleCultures.Chinese);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
