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

  class StatisticSource extends draftail.ModalWorkflowSource {
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
      Object.assign({}, props, { icon: ICON, label: data.label || data.value || "" }),
      React.createElement("span", { className: "statistic-entity" }, props.children)
    );
  }

  draftail.registerPlugin(
    { type: "STATISTIC", source: StatisticSource, decorator: StatisticDecorator },
    "entityTypes"
  );
})();
