"use client";

import { useRunningTrials } from "@/components/trials/use-trials";
import { Panel, PanelState } from "./panel";
import { TrialList } from "./trial-list";

export function RunningNowPanel() {
  const running = useRunningTrials();
  return (
    <Panel title="Running now" testId="panel-running">
      <PanelState query={running} isEmpty={running.data?.length === 0} empty="No trial is running.">
        <TrialList trials={running.data ?? []} testId="running-trials" />
      </PanelState>
    </Panel>
  );
}
