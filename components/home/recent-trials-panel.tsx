"use client";

import { useTrialList } from "@/components/trials/use-trials";
import { Panel, PanelState } from "./panel";
import { TrialList } from "./trial-list";

const SHOWN = 10;
const POLL_MS = 10_000;

export function RecentTrialsPanel() {
  const recent = useTrialList({}, SHOWN, 0, POLL_MS);
  const trials = recent.data?.trials ?? [];
  return (
    <Panel title="Recent trials" testId="panel-recent">
      <PanelState query={recent} isEmpty={trials.length === 0} empty="No trial has run yet.">
        <TrialList trials={trials} testId="recent-trials" />
      </PanelState>
    </Panel>
  );
}
