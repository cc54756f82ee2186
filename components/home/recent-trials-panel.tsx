"use client";

import { Panel, PanelState } from "./panel";
import { TrialList } from "./trial-list";
import { useExperimentNames, useRecentTrials } from "./use-home-data";

export function RecentTrialsPanel() {
  const recent = useRecentTrials();
  const nameOf = useExperimentNames();
  return (
    <Panel title="Recent trials" testId="panel-recent">
      <PanelState query={recent} isEmpty={recent.data?.length === 0} empty="No trial has run yet.">
        <TrialList trials={recent.data ?? []} nameOf={nameOf} testId="recent-trials" />
      </PanelState>
    </Panel>
  );
}
