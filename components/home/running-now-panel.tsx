"use client";

import { Panel, PanelState } from "./panel";
import { TrialList } from "./trial-list";
import { useExperimentNames, useRunningTrials } from "./use-home-data";

export function RunningNowPanel() {
  const running = useRunningTrials();
  const nameOf = useExperimentNames();
  return (
    <Panel title="Running now" testId="panel-running">
      <PanelState query={running} isEmpty={running.data?.length === 0} empty="No trial is running.">
        <TrialList trials={running.data ?? []} nameOf={nameOf} testId="running-trials" />
      </PanelState>
    </Panel>
  );
}
