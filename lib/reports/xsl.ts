/** The stylesheet embedded in the XML report, so the file opens as a readable page in a browser. */
export const REPORT_XSL = `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" id="reportstyle">
<xsl:template match="xsl:stylesheet"/>
<xsl:template match="/report">
<html><head><title><xsl:value-of select="report-title"/></title>
<style>body{font-family:sans-serif;margin:2em;color:#0f172a}h2{margin-top:2em}.Succeeded{color:#15803d}.Failed,.Invalid{color:#b91c1c}.Aborted{color:#c2410c}.In_Progress{color:#1d4ed8}pre{background:#f1f5f9;padding:.5em;white-space:pre-wrap}</style></head>
<body><h1><xsl:value-of select="report-title"/></h1>
<p>This report covers <xsl:value-of select="count(root/list-item)"/> experiment<xsl:if test="count(root/list-item) != 1">s</xsl:if>.</p>
<xsl:for-each select="root/list-item">
<h2><xsl:value-of select="name"/></h2><p><xsl:value-of select="description"/></p>
<xsl:variable name="ok" select="count(trials/list-item[status='Succeeded'])"/>
<xsl:variable name="bad" select="count(trials/list-item[status='Failed' or status='Aborted' or status='Invalid'])"/>
<xsl:variable name="all" select="count(trials/list-item)"/>
<xsl:if test="$all &gt; 0"><p><xsl:value-of select="$all"/> trial<xsl:if test="$all != 1">s</xsl:if>: <xsl:value-of select="$ok"/> succeeded, <xsl:value-of select="$bad"/> failed<xsl:if test="$all - $ok - $bad &gt; 0">, <xsl:value-of select="$all - $ok - $bad"/> without an outcome (stopped, skipped or unfinished)</xsl:if>. <xsl:choose><xsl:when test="$ok + $bad &gt; 0">Success rate <xsl:value-of select="round(100 * $ok div ($ok + $bad))"/>% (<xsl:value-of select="$ok"/> of <xsl:value-of select="$ok + $bad"/> with an outcome).</xsl:when><xsl:otherwise>No success rate: no trial has an outcome yet.</xsl:otherwise></xsl:choose></p></xsl:if>
<xsl:if test="not(trials/list-item)"><p>No trials run</p></xsl:if>
<xsl:for-each select="trials/list-item">
<h3>[<span class="{translate(status,' ','_')}"><xsl:value-of select="status"/></span>] Trial ID: <xsl:value-of select="id"/></h3>
<p>Executed at <xsl:value-of select="executed_at"/>, completed at <xsl:value-of select="completed_at"/>, by <xsl:value-of select="initiated_by"/></p>
<xsl:for-each select="trial_record/pre_steps/list-item|trial_record/steps/list-item|trial_record/post_steps/list-item">
<h4><xsl:choose><xsl:when test="string(step) != ''"><xsl:value-of select="step"/></xsl:when><xsl:otherwise><xsl:value-of select="step_name"/></xsl:otherwise></xsl:choose> (<xsl:value-of select="status"/>)</h4>
<pre><xsl:for-each select="logs/list-item"><xsl:value-of select="."/><xsl:text>&#10;</xsl:text></xsl:for-each></pre>
</xsl:for-each>
<pre><xsl:for-each select="trial_record/result/list-item/logs/list-item"><xsl:value-of select="."/></xsl:for-each></pre>
</xsl:for-each>
</xsl:for-each>
<xsl:if test="not(root/list-item)"><p>No experiments created</p></xsl:if>
</body></html>
</xsl:template>
</xsl:stylesheet>`;
