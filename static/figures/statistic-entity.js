// The "%" button of the rich-text editor: choose a statistic, and the sentence cites it. The
// entity keeps only the statistic's id; the site shows its current published value, with its
// date and source. Plain script, no build step: Wagtail exposes React, Draft.js and Draftail.
(function () {
  "use strict";
  var React = window.React;
  var DraftJS = window.DraftJS;
  var draftail = window.draftail;
  // An icon element, as Wagtail's own link decorator gives: Draftail reads a plain string as
  // an SVG path ("order" drew nothing and logged an error).
  var ICON = React.createElement(window.wagtail.components.Icon, { name: "order" });

  // "Retirer" in a cited figure's tooltip removes the figure, text included: the figure's
  // text is the statistic's value, and left behind it would be a typed number that no longer
  // follows the statistic. Draftail's own removal keeps the text (it unlinks, as for a link),
  // and a decorator cannot change the editor's content; a source can. So the decorator notes
  // which figure is being removed and asks Draftail to "edit" it, which mounts our source; the
  // source deletes the figure's text, entity and all, instead of opening the chooser.
  var removing = null;

  function withoutEntity(editorState, entityKey) {
    var content = editorState.getCurrentContent();
    var found = null;
    content.getBlockMap().forEach(function (block) {
      block.findEntityRanges(
        function (character) { return character.getEntity() === entityKey; },
        function (start, end) { found = { block: block, start: start, end: end }; }
      );
      return found === null; // stop at the figure's paragraph
    });
    if (found === null) {
      return editorState;
    }
    var text = found.block.getText();
    var end = found.end;
    // One space left between the words on either side, not two.
    if (/^[ \u00a0]$/.test(text.charAt(found.start - 1)) && /^[ \u00a0]$/.test(text.charAt(end))) {
      end += 1;
    }
    var removed = DraftJS.Modifier.removeRange(
      content,
      DraftJS.SelectionState.createEmpty(found.block.getKey()).merge({
        anchorOffset: found.start,
        focusOffset: end,
      }),
      "forward"
    );
    return DraftJS.EditorState.push(editorState, removed, "remove-range");
  }

  class StatisticSource extends draftail.ModalWorkflowSource {
    componentDidMount() {
      if (removing !== null && removing === this.props.entityKey) {
        removing = null;
        this.props.onComplete(withoutEntity(this.props.editorState, this.props.entityKey));
        return;
      }
      super.componentDidMount();
    }

    getChooserConfig() {
      return {
        url: this.props.entityType.chooserUrls.statisticChooser,
        urlParams: {},
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: { chosen: this.onChosen },
      };
    }

    filterEntityData(data) {
      return { id: data.id, value: data.value, label: data.string };
    }

    onChosen(data) {
      var editorState = this.props.editorState;
      var content = editorState.getCurrentContent();
      var entityData = this.filterEntityData(data);
      var withEntity = content.createEntity("STATISTIC", "IMMUTABLE", entityData);
      var key = withEntity.getLastCreatedEntityKey();
      var replaced = DraftJS.Modifier.replaceText(
        withEntity, editorState.getSelection(), entityData.value, null, key
      );
      this.workflow.close();
      this.props.onComplete(DraftJS.EditorState.push(editorState, replaced, "insert-characters"));
    }
  }

  function StatisticDecorator(props) {
    var entity = props.contentState.getEntity(props.entityKey);
    var data = entity.getData();
    return React.createElement(
      draftail.TooltipEntity,
      Object.assign({}, props, {
        icon: ICON,
        label: data.label || data.value || "",
        onRemove: function (entityKey) {
          removing = entityKey;
          props.onEdit(entityKey);
        },
      }),
      React.createElement("span", { className: "statistic-entity" }, props.children)
    );
  }

  draftail.registerPlugin(
    { type: "STATISTIC", source: StatisticSource, decorator: StatisticDecorator },
    "entityTypes"
  );
})();
