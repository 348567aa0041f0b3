using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ShanxiIdentity.Web.TagHelpers;

/// <summary>
/// One form field the way every page of the portal shows it: a real label (with the star of a
/// required field), the input, the rule beside it, and its error in Chinese.
/// <c>&lt;form-field asp-for="IdNumber" required="true" help="18位" /&gt;</c>
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required ModelExpression For { get; set; }

    public bool Required { get; set; }

    public string? Help { get; set; }

    /// <summary>text, password, tel…</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    public int? Maxlength { get; set; }

    /// <summary>Overrides the model's display name where the label depends on the case (法定代表人 / 负责人).</summary>
    public string? Label { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name), "_");
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name), out var entry) && entry.Errors.Count > 0;

        var attributes = new Dictionary<string, object?>
        {
            ["class"] = hasError ? "form-control is-invalid" : "form-control",
            ["type"] = Type,
            ["autocomplete"] = Autocomplete,
            ["inputmode"] = Inputmode,
            ["maxlength"] = Maxlength,
            ["aria-describedby"] = $"{id}-help {id}-error",
            ["aria-required"] = Required ? "true" : null,
            ["aria-invalid"] = hasError ? "true" : null,
        };
        var cleaned = attributes.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value);

        var input = Type == "password"
            ? generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, cleaned)
            : generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null, cleaned);
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: Label, new { @class = Required ? "form-label required-star" : "form-label" });
        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "div", new { @class = "invalid-feedback d-block", id = $"{id}-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "mb-3");
        output.Content.AppendHtml(label).AppendHtml(input);
        if (!string.IsNullOrEmpty(Help))
        {
            var help = new TagBuilder("div");
            help.AddCssClass("form-text");
            help.Attributes["id"] = $"{id}-help";
            help.InnerHtml.Append(Help);
            output.Content.AppendHtml(help);
        }

        output.Content.AppendHtml(error);
    }
}
